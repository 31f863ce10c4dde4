import { type LessonKind, lessonKinds } from "./lessons";

/**
 * Words for lesson kinds in a search, Dutch and English, singular and plural, folded (lower case,
 * no diacritics, ’ as '). Phrases of two words are listed as such. "niet" alone is no kind word:
 * in a search it is the point of a don't ("niet vergeten"), not a kind.
 */
const kindWords: Record<LessonKind, readonly string[]> = {
  do: ["doe", "does", "do", "do's", "dos"],
  dont: ["niet doen", "niet-doen", "don't", "don'ts", "dont", "donts"],
  pitfall: ["valkuil", "valkuilen", "pitfall", "pitfalls"],
  bottleneck: ["knelpunt", "knelpunten", "bottleneck", "bottlenecks"],
  success_factor: [
    "succesfactor",
    "succesfactoren",
    "successfactor",
    "successfactors",
    "success factor",
    "success factors",
  ],
};

const byPhrase = new Map<string, LessonKind>();
for (const kind of lessonKinds) for (const phrase of kindWords[kind]) byPhrase.set(phrase, kind);

/** A query word as the lists hold it: folded, without punctuation around it ("Valkuil:" → "valkuil"). */
const fold = (word: string) =>
  word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^[^\p{L}']+|[^\p{L}']+$/gu, "");

export interface KindWordReading {
  /** Kinds named in the query, in the order of lessonKinds. */
  lessonKinds: LessonKind[];
  /** The query without its kind words: what is searched as text. */
  q: string;
}

/**
 * Reads the lesson kinds a query names ("valkuil regisseur" → pitfall + "regisseur"). Words are split
 * on spaces; a two-word phrase ("niet doen", "success factor") is tried before a single word.
 */
export function readKindWords(query: string): KindWordReading {
  const words = query.split(/\s+/).filter((w) => w !== "");
  const found = new Set<LessonKind>();
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? byPhrase.get(`${fold(words[i])} ${fold(words[i + 1])}`) : undefined;
    if (pair) {
      found.add(pair);
      i++;
      continue;
    }
    const single = byPhrase.get(fold(words[i]));
    if (single) found.add(single);
    else rest.push(words[i]);
  }
  return { lessonKinds: lessonKinds.filter((k) => found.has(k)), q: rest.join(" ") };
}
