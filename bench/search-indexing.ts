import { monitorEventLoopDelay } from "node:perf_hooks";
import { EmbeddedSearchIndex } from "../server/search/embedded/embedded-search-index";
import { TermDictionary } from "../server/search/embedded/term-dictionary";
import { ms } from "./stats";

const WORDS = 200_000;

/** A word no dictionary holds: "w" and six base-26 letters, in a scattered order. */
function word(n: number): string {
  let rest = (n * 7_919) % 308_915_776;
  let letters = "";
  for (let i = 0; i < 6; i++) {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  }
  return `w${letters}`;
}

/** The dictionary as it was: one sorted array, a splice per new word (the peer). */
class SpliceDictionary {
  private readonly terms: string[] = [];
  add(term: string): void {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    if (this.terms[lo] !== term) this.terms.splice(lo, 0, term);
  }
}

function timeAdds(dictionary: { add(term: string): void }, words: string[]): number {
  const started = performance.now();
  for (const w of words) dictionary.add(w);
  return performance.now() - started;
}

export interface SearchIndexingResult {
  dictionaryMs: number;
  spliceMs: number;
  stallP50Ms: number;
  stallP99Ms: number;
  stallMaxMs: number;
  indexMs: number;
}

/**
 * One document of 200,000 distinct words (what froze the server for 24 s): the dictionary's adds
 * against the single sorted array it replaced, and the event-loop stalls while the embedded engine
 * indexes the whole document in this process.
 */
export async function runSearchIndexing(log: (line: string) => void): Promise<SearchIndexingResult> {
  log(`search-indexing: one document of ${WORDS.toLocaleString("en")} distinct words`);
  const words = Array.from({ length: WORDS }, (_, i) => word(i));
  const dictionaryMs = timeAdds(new TermDictionary(), words);
  const spliceMs = timeAdds(new SpliceDictionary(), words);
  log(
    `  dictionary adds: ${ms(dictionaryMs)} (single sorted array with splice: ${ms(spliceMs)}, ${(spliceMs / dictionaryMs).toFixed(1)}× slower)`,
  );

  const index = new EmbeddedSearchIndex();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  await index.index([
    {
      id: "bench-document",
      workspaceId: "bench",
      type: "document",
      documentId: "bench-document",
      title: "Woordenlijst",
      text: words.join(" "),
      documentKind: "note",
    },
  ]);
  const indexMs = performance.now() - started;
  // The monitor records a stall when its timer finally runs: give the last one time to be counted.
  await new Promise((resolve) => setTimeout(resolve, 50));
  delay.disable();
  const stall = (q: number) => delay.percentile(q) / 1e6;
  const result = {
    dictionaryMs,
    spliceMs,
    stallP50Ms: stall(50),
    stallP99Ms: stall(99),
    stallMaxMs: delay.max / 1e6,
    indexMs,
  };
  log(
    `  embedded index of the document: ${ms(indexMs)} in all; event-loop stalls p50 ${ms(result.stallP50Ms)}, p99 ${ms(result.stallP99Ms)}, max ${ms(result.stallMaxMs)}`,
  );
  log("  (indexed: the first 1,000,000 characters and 50,000 distinct words, the documented caps)");
  await logGrowth(words, log);
  return result;
}

/** Indexing time against text size, within the caps: a document of n distinct words (best of three, fresh engines). */
async function logGrowth(words: string[], log: (line: string) => void): Promise<void> {
  const perWord: string[] = [];
  for (const size of [6_250, 12_500, 25_000, 50_000]) {
    const text = words.slice(0, size).join(" ");
    let took = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) took = Math.min(took, await timeIndexing(text));
    perWord.push(
      `${size.toLocaleString("en")} words ${ms(took)} (${((took * 1000) / size).toFixed(2)} µs a word)`,
    );
  }
  log(`  growth with text size (best of 3): ${perWord.join(" · ")}`);
}

async function timeIndexing(text: string): Promise<number> {
  const index = new EmbeddedSearchIndex();
  const started = performance.now();
  await index.index([
    {
      id: "growth",
      workspaceId: "bench",
      type: "document",
      documentId: "growth",
      title: "",
      text,
      documentKind: "note",
    },
  ]);
  return performance.now() - started;
}
