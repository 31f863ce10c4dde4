/**
 * Escaping for every export. User text (lesson text, titles, chapter text) is only ever written as
 * text: no export creates a link or markup from it, so nothing a member typed can become a script,
 * an event handler or a `javascript:` link in an export.
 */

const htmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside HTML element content and quoted attribute values, without control characters. */
export function escapeHtml(text: string): string {
  return stripControlCharacters(text).replace(/[&<>"']/g, (ch) => htmlEntities[ch]);
}

/**
 * Text safe inside a Markdown paragraph, heading or list item: inline control characters are
 * backslash-escaped (so `[x](javascript:…)` is no link and `<script>` is no raw HTML or autolink),
 * line breaks become spaces so text cannot start a new block, and a start that would open a
 * block (list, quote, setext line, numbered list) is escaped too. Control characters are dropped
 * first, so the block-start check sees the text as written.
 */
export function escapeMarkdown(text: string): string {
  return stripControlCharacters(text)
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
    .replace(/[\\`*_[\]<>&!|~#]/g, (ch) => `\\${ch}`)
    .replace(/^\s+/, "")
    .replace(/^[+\-=>]/, (ch) => `\\${ch}`)
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Drops the C0 control characters (but tab and newline) that XML 1.0 and terminals reject. */
export function stripControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/** An ASCII-only file name for Content-Disposition, from a title. */
export function safeFileName(title: string, extension: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 60);
  return `${base || "export"}.${extension}`;
}

/** The Content-Disposition header value for a download. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
