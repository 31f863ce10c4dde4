/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One mail's content, in words: paragraphs, quotes, one button-like link, and a footer. */
export interface MailContent {
  lang: "nl" | "en";
  heading: string;
  /** Paragraphs before the action. */
  intro: string[];
  /** Quoted passages (a comment, the text it is about). */
  quotes?: string[];
  action?: { label: string; url: string };
  /** Parts of their own after the intro, e.g. one per comment in a grouped mail. */
  sections?: MailSection[];
  /** Paragraphs after the action. */
  outro?: string[];
  footer: string;
  /** Links under the footer (unsubscribe, preferences). */
  footerLinks?: Array<{ label: string; url: string }>;
}

/** One part of a mail: a line that says what it is, quoted text, and a link to the place. */
export interface MailSection {
  heading: string;
  quotes: string[];
  link: { label: string; url: string };
}

const httpUrl = (url: string) => /^https?:\/\//.test(url);

/**
 * A mail as plain text and as HTML from the same words; every piece of text is escaped here, so
 * no template writes HTML from user content by hand. Only http(s) URLs make links.
 */
export function renderMail(content: MailContent): { text: string; html: string } {
  const quotes = content.quotes ?? [];
  const outro = content.outro ?? [];
  const sections = content.sections ?? [];
  const footerLinks = (content.footerLinks ?? []).filter((l) => httpUrl(l.url));
  const quoteText = (q: string) => [...q.split("\n").map((line) => `> ${line}`), ""];
  const text = [
    content.heading,
    "",
    ...content.intro.flatMap((p) => [p, ""]),
    ...quotes.flatMap(quoteText),
    ...sections.flatMap((s) => [
      s.heading,
      "",
      ...s.quotes.flatMap(quoteText),
      `${s.link.label}: ${s.link.url}`,
      "",
    ]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...outro.flatMap((p) => [p, ""]),
    "-- ",
    content.footer,
    ...footerLinks.map((l) => `${l.label}: ${l.url}`),
  ].join("\n");
  const paragraph = (p: string) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`;
  const link = content.action && httpUrl(content.action.url) ? content.action : undefined;
  const quote = (q: string) =>
    `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:4px solid #9aa5b1;background:#f5f7fa">${escapeHtml(q).replace(/\n/g, "<br>")}</blockquote>`;
  const section = (s: MailSection) =>
    [
      `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(s.heading)}</h2>`,
      ...s.quotes.map(quote),
      httpUrl(s.link.url)
        ? `<p style="margin:0 0 12px"><a href="${escapeHtml(s.link.url)}" style="color:#1d4ed8">${escapeHtml(s.link.label)}</a></p>`
        : "",
    ].join("\n");
  const html = [
    `<!doctype html><html lang="${content.lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.heading)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:640px;margin:0 auto;padding:16px">`,
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>`,
    ...content.intro.map(paragraph),
    ...quotes.map(quote),
    ...sections.map(section),
    link
      ? `<p style="margin:16px 0"><a href="${escapeHtml(link.url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(link.label)}</a></p><p style="margin:0 0 12px;font-size:13px;color:#52606d">${escapeHtml(link.url)}</p>`
      : "",
    ...outro.map(paragraph),
    `<hr style="border:none;border-top:1px solid #d9e2ec;margin:24px 0 8px"><p style="font-size:12px;color:#52606d;margin:0">${escapeHtml(content.footer)}</p>`,
    ...footerLinks.map(
      (l) =>
        `<p style="font-size:12px;margin:4px 0 0"><a href="${escapeHtml(l.url)}" style="color:#52606d">${escapeHtml(l.label)}</a></p>`,
    ),
    "</body></html>",
  ].join("\n");
  return { text, html };
}

/**
 * The two ways out of a mail someone did not ask for one by one: the footer links (unsubscribe,
 * preferences) and the headers mail programs turn into their own unsubscribe button (RFC 2369 and
 * RFC 8058 one-click, a POST to the same link).
 */
export function unsubscribeParts(
  links: { unsubscribe: string; preferences: string },
  words: { unsubscribe: string; preferences: string },
): { footerLinks: NonNullable<MailContent["footerLinks"]>; headers: Record<string, string> } {
  return {
    footerLinks: [
      { label: words.unsubscribe, url: links.unsubscribe },
      { label: words.preferences, url: links.preferences },
    ],
    headers: {
      "List-Unsubscribe": `<${links.unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
