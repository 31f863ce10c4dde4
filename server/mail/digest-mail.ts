import { type MailSection, renderMail, unsubscribeParts } from "./mail-layout";
import type { OutgoingMail } from "./mail-outbox";

/** A candidate lesson in a followed theme that the person has not weighed yet. */
export interface DigestLesson {
  id: string;
  kind: string;
  text: string;
  documentId: string;
  documentTitle: string;
}

/** A conversation started on a followed document. */
export interface DigestThread {
  id: string;
  documentId: string;
  documentTitle: string;
  quote: string | null;
  firstMessage: string | null;
  authorName: string | null;
}

/** A document changed since the workspace's last meeting. */
export interface DigestDocument {
  id: string;
  title: string;
}

export interface DigestWorkspacePart {
  workspaceId: string;
  workspaceName: string;
  lessons: DigestLesson[];
  threads: DigestThread[];
  /** The meeting the changes are counted from, or null when the workspace had none before today. */
  lastMeeting: { id: string; title: string; date: string } | null;
  changedDocuments: DigestDocument[];
}

/** Links the digest's items point at, built by the sweeper from the public URL. */
export interface DigestLinks {
  lesson: (workspaceId: string, documentId: string, lessonId: string) => string;
  thread: (workspaceId: string, documentId: string, threadId: string) => string;
  document: (workspaceId: string, documentId: string) => string;
  unsubscribe: string;
  preferences: string;
}

const dateIn = (locale: string) => (date: string) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00.000Z`),
  );

const words = {
  nl: {
    subject: (frequency: string) =>
      frequency === "daily"
        ? "Je dagelijkse overzicht van Themawerk"
        : "Je wekelijkse overzicht van Themawerk",
    hello: (name: string) => `Dag ${name},`,
    intro: "Dit is er nieuw in wat je volgt.",
    kind: {
      do: "Doe",
      dont: "Niet doen",
      pitfall: "Valkuil",
      bottleneck: "Knelpunt",
      success_factor: "Succesfactor",
    } as Record<string, string>,
    lesson: (kind: string, document: string, workspace: string) =>
      `Te wegen — ${kind} in “${document}” (${workspace}):`,
    weigh: "Weeg deze les",
    thread: (author: string | null, document: string, workspace: string) =>
      `${author ?? "Iemand"} begon een gesprek in “${document}” (${workspace}):`,
    openThread: "Bekijk het gesprek",
    changed: (document: string, meeting: string, date: string, workspace: string) =>
      `Gewijzigd sinds het overleg “${meeting}” van ${date}: “${document}” (${workspace})`,
    openDocument: "Open het document",
    date: dateIn("nl-BE"),
    footer:
      "Themawerk — je krijgt dit overzicht omdat je thema's of documenten volgt. Hoe vaak het komt, kies je op je accountpagina.",
    unsubscribe: "Geen mails meer van Themawerk",
    preferences: "Mailvoorkeuren",
  },
  en: {
    subject: (frequency: string) =>
      frequency === "daily" ? "Your daily Themawerk digest" : "Your weekly Themawerk digest",
    hello: (name: string) => `Hello ${name},`,
    intro: "Here is what is new in what you follow.",
    kind: {
      do: "Do",
      dont: "Don't",
      pitfall: "Pitfall",
      bottleneck: "Bottleneck",
      success_factor: "Success factor",
    } as Record<string, string>,
    lesson: (kind: string, document: string, workspace: string) =>
      `To weigh — ${kind} in “${document}” (${workspace}):`,
    weigh: "Weigh this lesson",
    thread: (author: string | null, document: string, workspace: string) =>
      `${author ?? "Someone"} started a conversation in “${document}” (${workspace}):`,
    openThread: "See the conversation",
    changed: (document: string, meeting: string, date: string, workspace: string) =>
      `Changed since the meeting “${meeting}” of ${date}: “${document}” (${workspace})`,
    openDocument: "Open the document",
    date: dateIn("en-GB"),
    footer:
      "Themawerk — you get this digest because you follow themes or documents. Choose how often it comes on your account page.",
    unsubscribe: "No more mail from Themawerk",
    preferences: "Mail preferences",
  },
} as const;

/** Whether a digest would say anything at all. */
export const digestHasNews = (parts: readonly DigestWorkspacePart[]) =>
  parts.some((p) => p.lessons.length || p.threads.length || p.changedDocuments.length);

/**
 * One digest for all of a person's workspaces: lessons waiting for their weighing, new
 * conversations on documents they follow, and documents changed since the last meeting; each with
 * a link to the exact place, and a one-click unsubscribe (RFC 8058) that stops all their mail.
 */
export function digestMail(
  to: { email: string; name: string; locale: string },
  frequency: string,
  parts: readonly DigestWorkspacePart[],
  links: DigestLinks,
): OutgoingMail {
  const lang = to.locale === "en" ? "en" : "nl";
  const w = words[lang];
  const sections: MailSection[] = parts.flatMap((part) => [
    ...part.lessons.map((l) => ({
      heading: w.lesson(w.kind[l.kind] ?? l.kind, l.documentTitle, part.workspaceName),
      quotes: [l.text],
      link: { label: w.weigh, url: links.lesson(part.workspaceId, l.documentId, l.id) },
    })),
    ...part.threads.map((t) => ({
      heading: w.thread(t.authorName, t.documentTitle, part.workspaceName),
      quotes: [...(t.quote ? [t.quote] : []), ...(t.firstMessage ? [t.firstMessage] : [])],
      link: { label: w.openThread, url: links.thread(part.workspaceId, t.documentId, t.id) },
    })),
    ...(part.lastMeeting
      ? part.changedDocuments.map((d) => ({
          heading: w.changed(
            d.title,
            part.lastMeeting?.title ?? "",
            w.date(part.lastMeeting?.date ?? ""),
            part.workspaceName,
          ),
          quotes: [],
          link: { label: w.openDocument, url: links.document(part.workspaceId, d.id) },
        }))
      : []),
  ]);
  const subject = w.subject(frequency);
  const ways = unsubscribeParts(links, w);
  const { text, html } = renderMail({
    lang,
    heading: subject,
    intro: [w.hello(to.name), w.intro],
    sections,
    footer: w.footer,
    footerLinks: ways.footerLinks,
  });
  return {
    kind: "digest",
    to: to.email,
    subject,
    text,
    html,
    headers: ways.headers,
  };
}
