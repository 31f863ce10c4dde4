import { escapeHtml } from "../../mail/mail-layout";

const words = {
  nl: {
    title: "Geen mails meer van Themawerk",
    ask: (email: string) =>
      `Wil je geen mails meer naar ${email}, niet over vermeldingen en reacties en ook geen overzicht?`,
    confirm: "Afmelden",
    done: (email: string) => `Je krijgt geen mails meer over reacties en geen overzicht meer op ${email}.`,
    again: "Wil je ze toch weer? Zet ze aan op je accountpagina.",
    account: "Naar je account",
    gone: "Deze afmeldlink is niet geldig. Je mailvoorkeuren staan op je accountpagina.",
  },
  en: {
    title: "No more mail from Themawerk",
    ask: (email: string) => `Stop all mail to ${email}: about mentions and replies, and the digest?`,
    confirm: "Unsubscribe",
    done: (email: string) => `You will get no more mail about comments and no more digests at ${email}.`,
    again: "Want them after all? Turn them on on your account page.",
    account: "To your account",
    gone: "This unsubscribe link is not valid. Your mail preferences are on your account page.",
  },
} as const;

export type UnsubscribeState =
  | { kind: "ask"; email: string }
  | { kind: "done"; email: string }
  | { kind: "gone" };

/** The small page an unsubscribe link opens: a confirm button (link scanners only GET), then the outcome. */
export function unsubscribePage(locale: string, state: UnsubscribeState, accountUrl: string): string {
  const lang = locale === "en" ? "en" : "nl";
  const w = words[lang];
  const body =
    state.kind === "ask"
      ? `<p>${escapeHtml(w.ask(state.email))}</p><form method="post"><button type="submit">${escapeHtml(w.confirm)}</button></form>`
      : state.kind === "done"
        ? `<p role="status">${escapeHtml(w.done(state.email))}</p><p>${escapeHtml(w.again)}</p>`
        : `<p>${escapeHtml(w.gone)}</p>`;
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(w.title)} — Themawerk</title>`,
    "<style>body{font-family:system-ui,sans-serif;color:#1f2933;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}",
    "button{font:inherit;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border:0;border-radius:6px;cursor:pointer}",
    "button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}a{color:#1d4ed8}</style></head>",
    `<body><main><h1>${escapeHtml(w.title)}</h1>${body}<p><a href="${escapeHtml(accountUrl)}">${escapeHtml(w.account)}</a></p></main></body></html>`,
  ].join("");
}
