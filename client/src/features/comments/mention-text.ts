/** Characters a mention query may hold after "@" (names with letters, digits, dots, dashes). */
const QUERY_CHARS = "[\\p{L}\\p{N}_.-]*";
const queryAtCaret = new RegExp(`(^|\\s)@(${QUERY_CHARS})$`, "u");
const trailingQuery = new RegExp(`@${QUERY_CHARS}$`, "u");

/** The text typed after an "@" just before the caret, or null when the caret is not in a mention. */
export function mentionQueryAt(text: string, caret: number): string | null {
  const match = queryAtCaret.exec(text.slice(0, caret));
  return match ? (match[2] ?? "") : null;
}

/** Replaces the "@query" before the caret by "@Name "; answers the new text and where the caret goes. */
export function insertMention(text: string, caret: number, name: string): { text: string; caret: number } {
  const before = text.slice(0, caret).replace(trailingQuery, `@${name} `);
  return { text: before + text.slice(caret), caret: before.length };
}

/** The ids of picked people whose "@Name" is still in the text (someone may have deleted it). */
export function mentionsIn(text: string, picked: ReadonlyMap<string, string>): string[] {
  return [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}

/** Splits a message into plain parts and "@Name" parts of the mentioned people, in order. */
export function splitMentions(text: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const wanted = names.filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (wanted.length === 0) return [{ text, mention: false }];
  // Longest first, so "@Ann Smith" wins over "@Ann".
  wanted.sort((a, b) => b.length - a.length);
  return text
    .split(new RegExp(`(@(?:${wanted.join("|")}))`, "g"))
    .map((part, index) => ({ text: part, mention: index % 2 === 1 }))
    .filter((part) => part.text.length > 0);
}
