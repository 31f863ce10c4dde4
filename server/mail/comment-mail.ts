import { renderMail, unsubscribeParts } from "./mail-layout";
import type { OutgoingMail } from "./mail-outbox";

/** One comment a person is told about. */
export interface CommentNoticeItem {
  reason: "mention" | "reply";
  authorName: string;
  body: string;
  documentTitle: string;
  /** The passage the thread is on (its quote), the lesson's text, or null for the whole document. */
  about: string | null;
  /** The comment in the document: /w/…/d/…?reactie=thread. */
  url: string;
}

const words = {
  nl: {
    one: (i: CommentNoticeItem) =>
      i.reason === "mention"
        ? `${i.authorName} noemde je in “${i.documentTitle}”`
        : `${i.authorName} reageerde in “${i.documentTitle}”`,
    many: (n: number) => `${n} nieuwe reacties voor je in Themawerk`,
    hello: (name: string) => `Dag ${name},`,
    intro: (n: number) =>
      n === 1 ? "Er is een reactie voor je in Themawerk." : `Er zijn ${n} reacties voor je in Themawerk.`,
    section: (i: CommentNoticeItem) =>
      i.reason === "mention"
        ? `${i.authorName} noemde je${i.about ? " bij deze passage" : ""} in “${i.documentTitle}”:`
        : `${i.authorName} reageerde${i.about ? " bij deze passage" : ""} in “${i.documentTitle}”, in een gesprek waar je aan meedeed:`,
    open: "Bekijk de reactie",
    footer:
      "Themawerk — je krijgt deze mail omdat iemand je noemde of reageerde in een gesprek waar je aan meedeed. Gelezen reacties mailen we niet.",
    unsubscribe: "Geen mails meer van Themawerk",
    preferences: "Mailvoorkeuren",
  },
  en: {
    one: (i: CommentNoticeItem) =>
      i.reason === "mention"
        ? `${i.authorName} mentioned you in “${i.documentTitle}”`
        : `${i.authorName} replied in “${i.documentTitle}”`,
    many: (n: number) => `${n} new comments for you in Themawerk`,
    hello: (name: string) => `Hello ${name},`,
    intro: (n: number) =>
      n === 1 ? "There is a comment for you in Themawerk." : `There are ${n} comments for you in Themawerk.`,
    section: (i: CommentNoticeItem) =>
      i.reason === "mention"
        ? `${i.authorName} mentioned you${i.about ? " on this passage" : ""} in “${i.documentTitle}”:`
        : `${i.authorName} replied${i.about ? " on this passage" : ""} in “${i.documentTitle}”, in a conversation you took part in:`,
    open: "See the comment",
    footer:
      "Themawerk — you get this mail because someone mentioned you or replied in a conversation you took part in. Comments you already read are not mailed.",
    unsubscribe: "No more mail from Themawerk",
    preferences: "Mail preferences",
  },
} as const;

/** A header value from user text: one line, however the text was written. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

/**
 * One mail for everything a person is told about at once (mentions first), each with the passage
 * it is about and the comment quoted, and a link to the exact place; with a one-click unsubscribe
 * (RFC 8058: List-Unsubscribe with List-Unsubscribe-Post).
 */
export function commentNoticeMail(
  to: { email: string; name: string; locale: string },
  items: readonly CommentNoticeItem[],
  links: { unsubscribe: string; preferences: string },
): OutgoingMail {
  const lang = to.locale === "en" ? "en" : "nl";
  const w = words[lang];
  const ordered = [...items].sort((a, b) => Number(b.reason === "mention") - Number(a.reason === "mention"));
  const first = ordered[0];
  const subject = oneLine(ordered.length === 1 && first ? w.one(first) : w.many(ordered.length));
  const ways = unsubscribeParts(links, w);
  const { text, html } = renderMail({
    lang,
    heading: subject,
    intro: [w.hello(to.name), w.intro(ordered.length)],
    sections: ordered.map((i) => ({
      heading: w.section(i),
      quotes: [...(i.about ? [i.about] : []), `${i.authorName}: ${i.body}`],
      link: { label: w.open, url: i.url },
    })),
    footer: w.footer,
    footerLinks: ways.footerLinks,
  });
  return {
    kind: "comment_notice",
    to: to.email,
    subject,
    text,
    html,
    headers: ways.headers,
  };
}
