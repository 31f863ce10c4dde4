/** Dutch text handling shared by both engines: folding, stop words, tokens and safe HTML. */

/**
 * Common Dutch function words that carry no meaning in a search. Negations ("niet", "geen") are kept
 * on purpose: in a don't or a pitfall they are the point.
 */
export const DUTCH_STOP_WORDS: readonly string[] = [
  "de",
  "het",
  "een",
  "en",
  "van",
  "in",
  "op",
  "te",
  "ten",
  "ter",
  "dat",
  "die",
  "dit",
  "deze",
  "is",
  "zijn",
  "was",
  "voor",
  "met",
  "aan",
  "er",
  "om",
  "als",
  "bij",
  "ook",
  "tot",
  "of",
  "naar",
  "uit",
  "maar",
  "door",
  "dan",
  "wat",
  "nog",
  "al",
  "zo",
  "wordt",
  "worden",
  "werd",
  "hun",
  "haar",
  "hij",
  "zij",
  "ze",
  "we",
  "wij",
  "je",
  "u",
  "ik",
  "mijn",
  "onze",
  "ons",
  "hem",
  "men",
  "heeft",
  "hebben",
  "had",
  "kan",
  "kunnen",
  "zal",
  "zou",
  "moet",
  "moeten",
  "toch",
  "dus",
  "want",
  "waar",
  "wie",
  "hoe",
  "omdat",
  "daar",
  "hier",
  "wel",
];
const stopWordSet = new Set(DUTCH_STOP_WORDS);

/** Lower-cases and strips diacritics: "Ideeën" → "ideeen", "coöperatie" → "cooperatie". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
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

// Reused dynamic-programming rows (queries are at most a few hundred characters).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * How many typos a folded word of the text takes to answer a folded query token: 0 when the token
 * starts it (search as you type), else the fewest edits (a swap of two neighbours counts as one) to
 * the whole word or to one of its prefixes, within what the token's length allows (`wholeWord`: to the
 * whole word only, for a token that is a complete word). Undefined when it does not answer. One pass of
 * the edit-distance table: row i compares the word's first i letters.
 */
export function typosToMatch(word: string, token: string, wholeWord = false): number | undefined {
  if (word.startsWith(token)) return 0;
  const allowed = typosAllowed(token);
  if (allowed === 0) return undefined;
  const m = token.length;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let before = rowC;
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = j;
  let best = m;
  for (let i = 1; i <= word.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = word[i - 1] === token[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && word[i - 1] === token[j - 2] && word[i - 2] === token[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (!wholeWord || i === word.length) best = Math.min(best, current[m]);
    if (rowMin > allowed) break;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return best <= allowed ? best : undefined;
}

/** Whether a folded word of the text answers a folded query token (see typosToMatch). */
export function wordMatchesToken(word: string, token: string): boolean {
  return typosToMatch(word, token) !== undefined;
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]);
}

/** Control characters the engines put around a match; they never occur in indexed text (see cleanText). */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

const markerPattern = new RegExp(`([${MARK_START}${MARK_END}])`);

/** Turns engine output with MARK_START/MARK_END around matches into safe HTML with <mark>. */
export function markersToHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const part of marked.split(markerPattern)) {
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
