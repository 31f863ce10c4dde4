/**
 * Dutch word forms for search, shared by both engines: a light stemmer that makes singular and plural
 * (and a few common inflections) one key, and the tails of compounds, so "economie" finds
 * "diensteneconomie" and "loket" finds "dienstenloket". Words come in folded (foldDiacritics).
 *
 * The stem is a key, not a word: "gemeente" and "gemeenten" both become "gemeent", "initiatief" and
 * "initiatieven" both "initiatief". Endings are only taken off long enough words, so short words and
 * words being typed keep their letters.
 */
export function dutchStem(word: string): string {
  // Two plurals with another vowel that policy texts use a lot: "(centrum)steden", "(bestuurs)leden".
  if (word.endsWith("steden")) return `${word.slice(0, -6)}stad`;
  if (word.endsWith("leden")) return `${word.slice(0, -5)}lid`;
  let stem = word;
  if (stem.length >= 7 && stem.endsWith("heden")) stem = `${stem.slice(0, -5)}heid`;
  else if (stem.length >= 7 && stem.endsWith("ieven")) stem = `${stem.slice(0, -5)}ief`;
  else if (stem.length >= 6 && stem.endsWith("en") && stem.length - 2 >= 4) {
    stem = stem.slice(0, -2);
    // "plannen" → "plan", "huizen" → "huis", "bedrijven" → "bedrijf".
    if (
      stem.length >= 4 &&
      stem[stem.length - 1] === stem[stem.length - 2] &&
      !"aeiou".includes(stem[stem.length - 1])
    )
      stem = stem.slice(0, -1);
    if (stem.endsWith("v")) stem = `${stem.slice(0, -1)}f`;
    else if (stem.endsWith("z")) stem = `${stem.slice(0, -1)}s`;
  } else if (stem.length >= 7 && stem.endsWith("s") && "erlnm".includes(stem[stem.length - 2])) {
    stem = stem.slice(0, -1);
  }
  // "gemeente" and "gemeent(en)" meet without the final e.
  if (stem.length >= 6 && stem.endsWith("e")) stem = stem.slice(0, -1);
  return stem;
}

/** The shortest compound part looked for, and the shortest word looked into. */
export const MIN_PART_LENGTH = 4;
const MIN_COMPOUND_LENGTH = MIN_PART_LENGTH + 4;

/**
 * The tails of a long word that may be the last part of a compound ("dienstenloket" → "enstenloket",
 * …, "loket"), at least MIN_PART_LENGTH letters, the word's first four letters always left out.
 */
export function compoundTails(word: string): string[] {
  if (word.length < MIN_COMPOUND_LENGTH) return [];
  const tails: string[] = [];
  for (let start = 4; word.length - start >= MIN_PART_LENGTH; start++) tails.push(word.slice(start));
  return tails;
}

/** Whether `term` ends with `part` as the tail of a compound (not merely an inflection of it). */
export function isCompoundTail(term: string, part: string): boolean {
  return part.length >= MIN_PART_LENGTH && term.length >= part.length + 4 && term.endsWith(part);
}

/** Compound parts written per entry for an engine that cannot look inside words itself (Meilisearch). */
const MAX_PARTS_PER_ENTRY = 20_000;

/**
 * What an engine without Dutch word forms indexes beside the text: `forms`, the stem of every word
 * (so a stemmed query word always meets its other forms), and `parts`, the stems of compound tails
 * (so "economie" meets "diensteneconomie"), each word once, space-separated.
 */
export function wordForms(words: Iterable<string>): { forms: string; parts: string } {
  const forms = new Set<string>();
  const parts = new Set<string>();
  for (const word of words) {
    forms.add(dutchStem(word));
    if (parts.size >= MAX_PARTS_PER_ENTRY) continue;
    for (const tail of compoundTails(word)) parts.add(dutchStem(tail));
  }
  for (const form of forms) parts.delete(form);
  return { forms: [...forms].join(" "), parts: [...parts].join(" ") };
}
