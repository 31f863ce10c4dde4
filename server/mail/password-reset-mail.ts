import { renderMail } from "./mail-layout";
import type { OutgoingMail } from "./mail-outbox";

const words = {
  nl: {
    subject: "Een nieuw wachtwoord kiezen voor Themawerk",
    heading: "Nieuw wachtwoord kiezen",
    hello: (name: string) => `Dag ${name},`,
    asked: "Iemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je Themawerk-account.",
    action: "Nieuw wachtwoord kiezen",
    valid:
      "De link is één uur geldig en werkt één keer. Als je een nieuw wachtwoord kiest, word je op elk toestel afgemeld.",
    ignore: "Vroeg je dit niet? Dan hoef je niets te doen: je wachtwoord blijft zoals het is.",
    footer: "Themawerk — deze mail is verstuurd omdat er een nieuw wachtwoord werd gevraagd voor dit adres.",
  },
  en: {
    subject: "Choose a new password for Themawerk",
    heading: "Choose a new password",
    hello: (name: string) => `Hello ${name},`,
    asked: "Someone (hopefully you) asked for a new password for your Themawerk account.",
    action: "Choose a new password",
    valid:
      "The link is valid for one hour and works once. Choosing a new password signs you out on every device.",
    ignore: "Did not ask for this? Then there is nothing to do: your password stays as it is.",
    footer: "Themawerk — this mail was sent because a new password was requested for this address.",
  },
} as const;

/** The password-reset mail in the account's language, with the one-time link. */
export function passwordResetMail(
  to: { email: string; name: string; locale: string },
  link: string,
): OutgoingMail {
  const lang = to.locale === "en" ? "en" : "nl";
  const w = words[lang];
  const { text, html } = renderMail({
    lang,
    heading: w.heading,
    intro: [w.hello(to.name), w.asked],
    action: { label: w.action, url: link },
    outro: [w.valid, w.ignore],
    footer: w.footer,
  });
  return { kind: "password_reset", to: to.email, subject: w.subject, text, html };
}
