/** Dutch text handling shared by both engines: folding, stop words, tokens and safe HTML. */

/**
 * Common Dutch function words that carry no meaning in a search. Negations ("niet", "geen") are kept
 * on purpose: in a don't or a pitfall they are the point.
 */
export const DUTCH_STOP_WORDS: readonly string[] = [
  "de", "het", "een", "en", "van", "in", "op", "te", "ten", "ter", "dat", "die", "dit", "deze", "is", "zijn",
  "was", "voor", "met", "aan", "er", "om", "als", "bij", "ook", "tot", "of", "naar", "uit", "maar", "door",
  "dan", "wat", "nog", "al", "zo", "wordt", "worden", "werd", "hun", "haar", "hij", "zij", "ze", "we", "wij",
  "je", "u", "ik", "mijn", "onze", "ons", "hem", "men", "heeft", "hebben", "had", "kan", "kunnen", "zal",
  "zou", "moet", "moeten", "toch", "dus", "want", "waar", "wie", "hoe", "omdat", "daar", "hier", "wel",
];
const stopWordSet = new Set(DUTCH_STOP_WORDS);

/** Lower-cases and strips diacritics: "Ideeën" → "ideeen", "coöperatie" → "cooperatie". */
export function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Splits text into folded words without stop words — what the embedded engine indexes and searches. */
export function tokenizeDutch(text: string): string[] {
  const tokens: string[] = [];
  for (const match of foldDiacritics(text).matchAll(wordPattern)) {
    if (!stopWordSet.has(match[0])) tokens.push(match[0]);
  }
  return tokens;
}

/** A word of the original text with where it sits and its folded form. */
export interface TextWord {
  start: number;
  end: number;
  folded: string;
}

/** Every word of the original text with its offsets, so matches can be marked in the original. */
export function wordsOf(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index ?? 0;
    words.push({ start, end: start + match[0].length, folded: foldDiacritics(match[0]) });
  }
  return words;
}

/** How many typos a query word of this length may have (Meilisearch's defaults: 1 from 5 letters, 2 from 9). */
export function typosAllowed(word: string): number {
  if (word.length >= 9) return 2;
  return word.length >= 5 ? 1 : 0;
}

/** True when the Levenshtein distance between a and b is at most max (bounded, early exit). */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}

/**
 * Whether a folded word of the text answers a folded query token: as a prefix (search as you type),
 * or within the typos its length allows, as a whole word or as a prefix.
 */
export function wordMatchesToken(word: string, token: string): boolean {
  if (word.startsWith(token)) return true;
  const typos = typosAllowed(token);
  if (typos === 0) return false;
  if (withinEditDistance(word, token, typos)) return true;
  for (let length = token.length - typos; length <= token.length + typos; length++) {
    if (length > 0 && length < word.length && withinEditDistance(word.slice(0, length), token, typos)) return true;
  }
  return false;
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]);
}

/** Control characters the engines put around a match; they never occur in indexed text (see cleanText). */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** Turns engine output with MARK_START/MARK_END around matches into safe HTML with <mark>. */
export function markersToHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const part of marked.split(/([\u0001\u0002])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Removes control characters (including our markers) from text before it is indexed. */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
