import { randomBytes } from "node:crypto";
import { createLogger } from "../server/logger";
import { createSearchIndex } from "../server/search/create-search-index";
import type { LessonEntry, SearchIndex, SearchQuery } from "../server/search/search-index";
import { lessonKinds, lessonStatuses } from "../shared/lessons";
import { meiliUnavailableReason, startMeilisearch } from "../tests/helpers/meilisearch";
import { ms, quantile } from "./stats";

/** Deterministic pseudo-random numbers (mulberry32), so every run searches the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  "gemeente gemeenten centrumstad centrumsteden dienstenwijzer klaverbladmodel masterplan werkwinkel personeel " +
  "bewoners partners coöperatie ideeën budget planning overleg bestuur schepen burgemeester loket digitaal " +
  "toegankelijk samenwerking regio intergemeentelijk opvolging evaluatie draagvlak communicatie welzijn armoede " +
  "huisvesting mobiliteit vrijwilligers kwetsbare doelgroep projectleider subsidie timing middelen capaciteit"
).split(" ");
const prefixes = "dienst werk zorg buurt stad dorp raad plan proef hulp info".split(" ");
const suffixes = "wijzer winkel loket plan team punt kaart netwerk overleg traject".split(" ");
const fillers = "de het een van en in op te met voor niet geen werd zonder tussen".split(" ");
const cases = ["Lokeren", "Zele", "Sint-Niklaas", "Aalst", "Dendermonde", "Temse", "Beveren", "Hamme"];
const themes = Array.from({ length: 24 }, (_, i) => ({
  id: `theme${String(i).padStart(11, "0")}`,
  name: `Thema ${i}`,
}));

const onsets = "b d g k l m n p r s t v w z st sl sp tr kl gr br".split(" ");
const vowels = "a e i o u aa ee oo ie oe ui ij eu".split(" ");
const codas = " n r l s t k m ng rd ld".split(" ");

/** 20,000 made-up Dutch-sounding words: the long tail of a real vocabulary, spread over first letters. */
const rareWords = (() => {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const set = new Set<string>();
  while (set.size < 20_000) {
    const syllables = 2 + Math.floor(rnd() * 3);
    set.add(Array.from({ length: syllables }, () => pick(onsets) + pick(vowels) + pick(codas)).join(""));
  }
  return [...set];
})();

/** Generates lessons in Dutch-like text: a small common vocabulary plus compounds and rare words. */
export function generateLessons(count: number, workspaceIds: string[], seed = 42): LessonEntry[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const sentence = (length: number) =>
    Array.from({ length }, () => {
      const r = rnd();
      if (r < 0.3) return pick(fillers);
      if (r < 0.8) return pick(words);
      if (r < 0.95) return pick(prefixes) + pick(suffixes);
      return rareWords[Math.floor(rnd() * rareWords.length)];
    }).join(" ");
  return Array.from({ length: count }, (_, i) => {
    const caseIndex = Math.floor(rnd() * cases.length);
    const documentId = `doc${String(Math.floor(i / 8)).padStart(13, "0")}`;
    return {
      id: `lesson${String(i).padStart(10, "0")}`,
      workspaceId: workspaceIds[i % workspaceIds.length],
      type: "lesson",
      documentId,
      documentTitle: `Casus ${cases[caseIndex]} ${sentence(3)}`,
      text: `${sentence(12 + Math.floor(rnd() * 30))}.`,
      lessonKind: pick(lessonKinds),
      themes: [pick(themes), pick(themes)].filter((t, j, all) => all.findIndex((x) => x.id === t.id) === j),
      status: pick(lessonStatuses),
      caseName: cases[caseIndex],
      isCentreCity: caseIndex === 2 || caseIndex === 3,
      outcome: pick(["succeeded", "struggled", "ongoing"] as const),
      documentKind: "case",
    };
  });
}

const allFacets: SearchQuery["facets"] = ["lessonKind", "theme", "case", "isCentreCity", "outcome", "status"];

/** The fixed query mix: words, a typo, prefixes, several words, an empty query and filters. */
function queryMix(workspaceIds: string[]): SearchQuery[] {
  const base = { workspaceIds, filters: {}, facets: allFacets, limit: 20, offset: 0 };
  return [
    { ...base, q: "dienstenwijzer" },
    { ...base, q: "dienstenwijzr" },
    { ...base, q: "klaverbl" },
    { ...base, q: "de werkwinkel" },
    { ...base, q: "personeel kleine gemeenten" },
    { ...base, q: "cooperatie" },
    { ...base, q: "" },
    { ...base, q: "masterplan", filters: { lessonKind: ["pitfall", "dont"] } },
    { ...base, q: "", filters: { theme: [themes[3].id], isCentreCity: [true] } },
    { ...base, q: "budget", filters: { case: ["Lokeren", "Zele"], status: ["validated"] } },
    { ...base, q: "zorgloket" },
    { ...base, q: rareWords[1234] },
    { ...base, q: rareWords[4321].slice(0, 4) },
  ];
}

async function measure(
  name: string,
  size: number,
  open: () => Promise<SearchIndex>,
  log: (l: string) => void,
) {
  const workspaceIds = ["benchwsaaaaaaaa1", "benchwsaaaaaaaa2", "benchwsaaaaaaaa3", "benchwsaaaaaaaa4"];
  const lessons = generateLessons(size, workspaceIds);
  const index = await open();
  try {
    const started = performance.now();
    for (let i = 0; i < lessons.length; i += 2_000) await index.index(lessons.slice(i, i + 2_000));
    const indexSeconds = (performance.now() - started) / 1000;

    // Searches span every workspace: the worst case, all lessons are candidates.
    const queries = queryMix(workspaceIds);
    for (const q of queries) await index.search(q);
    const latencies: number[] = [];
    const engineTimes: number[] = [];
    for (let round = 0; round < 15; round++) {
      for (const q of queries) {
        const t = performance.now();
        const result = await index.search(q);
        latencies.push(performance.now() - t);
        engineTimes.push(result.took);
      }
    }

    const edited: LessonEntry = {
      ...lessons[0],
      id: "lessonedited0001",
      text: "Een zeldzaamheidswoord na een bewerking.",
    };
    const t = performance.now();
    await index.index([edited]);
    while ((await index.search({ ...queries[0], q: "zeldzaamheidswoord" })).total === 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const editToFound = performance.now() - t;

    log(
      `search ${name.padEnd(11)} ${String(size).padStart(7)} lessons: index ${Math.round(size / indexSeconds)}/s ` +
        `(${indexSeconds.toFixed(1)} s) · search p50 ${ms(quantile(latencies, 0.5))} p95 ${ms(quantile(latencies, 0.95))} ` +
        `max ${ms(Math.max(...latencies))} (${latencies.length} searches; engine-reported p50 ${quantile(engineTimes, 0.5)} ms) · ` +
        `edit→found ${ms(editToFound)} · heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
    );
  } finally {
    await index.close();
  }
}

/**
 * Search latency (p50/p95 over a fixed query mix), indexing throughput and edit→found time for the
 * embedded engine and Meilisearch, at 10,000 and 100,000 generated lessons.
 */
export async function runSearchBench(log: (line: string) => void): Promise<void> {
  const logger = createLogger("warn");
  for (const size of [10_000, 100_000]) {
    await measure("embedded", size, () => createSearchIndex({ meili: undefined }, logger), log);
  }
  const unavailable = meiliUnavailableReason();
  if (unavailable) {
    log(`search meilisearch skipped: ${unavailable}`);
    return;
  }
  const server = await startMeilisearch();
  try {
    const meili = { url: server.url, masterKey: server.masterKey };
    for (const size of [10_000, 100_000]) {
      const indexUid = `bench_${randomBytes(4).toString("hex")}`;
      await measure("meilisearch", size, () => createSearchIndex({ meili }, logger, { indexUid }), log);
    }
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSearchBench((line) => process.stdout.write(`${line}\n`)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`search benchmark failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
