import { renderMail } from "./mail-layout";
import type { OutgoingMail } from "./mail-outbox";

/** The meeting a member is invited to, with its calendar file. */
export interface MeetingInvite {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  place: string | null;
  /** The meeting document in the app. */
  url: string;
  facilitatorName: string;
  ics: string;
  /** The attachment's name, e.g. "Overleg 12 januari.ics". */
  filename: string;
}

/** A date in words in the reader's language, e.g. "dinsdag 12 januari 2027"; the date is a calendar day, so UTC. */
const dateInWords = (date: string, lang: "nl" | "en") =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-BE", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));

const words = {
  nl: {
    subject: (i: MeetingInvite, when: string) => `Vergadering: ${i.title} (${when})`,
    hello: (name: string) => `Dag ${name},`,
    invited: (i: MeetingInvite) => `${i.facilitatorName} nodigt je uit voor de vergadering “${i.title}”.`,
    when: (when: string) => `Wanneer: ${when}`,
    where: (place: string) => `Waar: ${place}`,
    attached:
      "In de bijlage zit een agendabestand (.ics): open het om de vergadering in je agenda te zetten.",
    open: "Bekijk de vergadering in Themawerk",
    footer: "Themawerk — je krijgt deze mail omdat je lid bent van de werkruimte van deze vergadering.",
  },
  en: {
    subject: (i: MeetingInvite, when: string) => `Meeting: ${i.title} (${when})`,
    hello: (name: string) => `Hello ${name},`,
    invited: (i: MeetingInvite) => `${i.facilitatorName} invites you to the meeting “${i.title}”.`,
    when: (when: string) => `When: ${when}`,
    where: (place: string) => `Where: ${place}`,
    attached: "The attached calendar file (.ics) puts the meeting in your calendar when you open it.",
    open: "See the meeting in Themawerk",
    footer: "Themawerk — you get this mail because you are a member of this meeting's workspace.",
  },
} as const;

/** A header value from user text: one line, however the text was written. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

/** The invitation in the member's language, with date, place, link and the .ics attached. */
export function meetingInviteMail(
  to: { email: string; name: string; locale: string },
  invite: MeetingInvite,
): OutgoingMail {
  const lang = to.locale === "en" ? "en" : "nl";
  const w = words[lang];
  const when = dateInWords(invite.date, lang);
  const subject = oneLine(w.subject(invite, when));
  const { text, html } = renderMail({
    lang,
    heading: subject,
    intro: [
      w.hello(to.name),
      w.invited(invite),
      w.when(when),
      ...(invite.place ? [w.where(invite.place)] : []),
      w.attached,
    ],
    action: { label: w.open, url: invite.url },
    footer: w.footer,
  });
  return {
    kind: "meeting_invite",
    to: to.email,
    subject,
    text,
    html,
    attachments: [
      {
        filename: invite.filename,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        base64: Buffer.from(invite.ics, "utf8").toString("base64"),
      },
    ],
  };
}
