import { escapeHtml, tokenizeDutch, type TextWord, wordMatchesToken, wordsOf } from "./dutch-text";

/** How many words a snippet shows around the first match (Meilisearch gets the same cropLength). */
export const SNIPPET_WORDS = 24;
export const CROP_MARKER = "…";

/** The folded query words a highlighter looks for. */
export function queryTokens(q: string): string[] {
  return [...new Set(tokenizeDutch(q))];
}

function isMatch(word: TextWord, tokens: string[]): boolean {
  return tokens.some((token) => wordMatchesToken(word.folded, token));
}

/** Renders text[from,to) as safe HTML with <mark> around the words that answer the query. */
function renderRange(text: string, words: TextWord[], tokens: string[], from: number, to: number): string {
  let html = "";
  let cursor = from;
  for (const word of words) {
    if (word.start < from || word.end > to || !isMatch(word, tokens)) continue;
    html += `${escapeHtml(text.slice(cursor, word.start))}<mark>${escapeHtml(text.slice(word.start, word.end))}</mark>`;
    cursor = word.end;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** The whole text as safe HTML with every matching word marked (for titles). */
export function highlightAll(text: string, tokens: string[]): string {
  return renderRange(text, wordsOf(text), tokens, 0, text.length);
}

/**
 * About SNIPPET_WORDS words around the first match (or the start when nothing in the text matches),
 * as safe HTML with matches marked and "…" where the text was cut.
 */
export function snippetOf(text: string, tokens: string[], size = SNIPPET_WORDS): string {
  const words = wordsOf(text);
  if (words.length === 0) return escapeHtml(text.trim());
  const first = tokens.length > 0 ? words.findIndex((w) => isMatch(w, tokens)) : -1;
  const startWord = first <= 0 ? 0 : Math.max(0, Math.min(first - Math.floor(size / 4), words.length - size));
  const endWord = Math.min(words.length, startWord + size) - 1;
  const from = startWord === 0 ? 0 : words[startWord].start;
  const to = endWord === words.length - 1 ? text.length : words[endWord].end;
  const body = renderRange(text, words, tokens, from, to).trim();
  return `${from > 0 ? CROP_MARKER : ""}${body}${to < text.length ? CROP_MARKER : ""}`;
}
