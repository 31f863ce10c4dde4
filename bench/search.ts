import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../server/db/database";
import { nowIso } from "../server/ids";
import { createLogger } from "../server/logger";
import { createSearchIndex } from "../server/search/create-search-index";
import { createEmbeddedSearchIndex } from "../server/search/embedded/embedded-search-index";
import { sqlSearchEntrySource } from "../server/search/sql-entry-source";
import type { LessonEntry, SearchIndex, SearchQuery } from "../server/search/search-index";
import { lessonKinds, lessonStatuses } from "../shared/lessons";
import { meiliUnavailableReason, startMeilisearch } from "../tests/helpers/meilisearch";
import { random } from "./random";
import { ms, quantile } from "./stats";

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

/** Heap plus typed-array memory after a full collection (`npm run bench` runs Node with --expose-gc). */
function settledMemory(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

async function measure(
  name: string,
  size: number,
  open: () => Promise<SearchIndex>,
  log: (l: string) => void,
) {
  const workspaceIds = ["benchwsaaaaaaaa1", "benchwsaaaaaaaa2", "benchwsaaaaaaaa3", "benchwsaaaaaaaa4"];
  const before = settledMemory();
  let lessons: LessonEntry[] | undefined = generateLessons(size, workspaceIds);
  const first = lessons[0];
  const index = await open();
  try {
    const started = performance.now();
    for (let i = 0; i < lessons.length; i += 2_000) await index.index(lessons.slice(i, i + 2_000));
    // The index keeps its own references to what it needs (the texts among them): let go of the input.
    lessons = undefined;
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
      ...first,
      id: "lessonedited0001",
      text: "Een zeldzaamheidswoord na een bewerking.",
    };
    const t = performance.now();
    await index.index([edited]);
    while ((await index.search({ ...queries[0], q: "zeldzaamheidswoord" })).total === 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const editToFound = performance.now() - t;
    // What the index itself holds, the texts it shares with the (released) input included.
    const after = settledMemory();
    const held =
      before === undefined || after === undefined
        ? `heap ${mb(process.memoryUsage().heapUsed)} (run with --expose-gc for the index's own share)`
        : `${name === "embedded" ? "index memory" : "client memory"} ${mb(after - before)}`;

    log(
      `search ${name.padEnd(11)} ${String(size).padStart(7)} lessons: index ${Math.round(size / indexSeconds)}/s ` +
        `(${indexSeconds.toFixed(1)} s) · search p50 ${ms(quantile(latencies, 0.5))} p95 ${ms(quantile(latencies, 0.95))} ` +
        `max ${ms(Math.max(...latencies))} (${latencies.length} searches; engine-reported p50 ${quantile(engineTimes, 0.5)} ms) · ` +
        `edit→found ${ms(editToFound)} · ${held}`,
    );
  } finally {
    await index.close();
  }
}

/**
 * What a start on the embedded engine costs: the generated lessons written to a fresh SQLite database (in
 * case documents of eight, with their themes), then the index rebuilt from SQL the way the server does it.
 */
async function measureStartupRebuild(size: number, log: (line: string) => void): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-bench-rebuild-"));
  const database = await openDatabase({ dataDir });
  try {
    const db = database.db;
    const now = nowIso();
    const workspaceIds = ["benchwsaaaaaaaa1", "benchwsaaaaaaaa2", "benchwsaaaaaaaa3", "benchwsaaaaaaaa4"];
    const lessons = generateLessons(size, workspaceIds);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id: "benchuser0000001",
          email: "bench@example.test",
          name: "Bench",
          password_hash: "!",
          locale: "nl",
          is_admin: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const id of workspaceIds) {
        await trx
          .insertInto("workspaces")
          .values({
            id,
            name: id,
            description: "",
            period: "",
            created_by: "benchuser0000001",
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto("themes")
          .values(
            themes.map((t, position) => ({
              id: `${t.id}-${id.slice(-1)}`,
              workspace_id: id,
              name: t.name,
              description: "",
              position,
              archived_at: null,
              merged_into_id: null,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
      const documents = new Map<string, LessonEntry>();
      for (const l of lessons) if (!documents.has(l.documentId)) documents.set(l.documentId, l);
      for (const l of documents.values()) {
        await trx
          .insertInto("documents")
          .values({
            id: l.documentId,
            workspace_id: l.workspaceId,
            kind: "case",
            title: l.documentTitle,
            municipality: l.caseName ?? null,
            is_centre_city: l.isCentreCity ? 1 : 0,
            outcome: l.outcome ?? null,
            meeting_date: null,
            meeting_place: null,
            plain_text: l.text,
            created_by: "benchuser0000001",
            created_at: now,
            updated_by: "benchuser0000001",
            updated_at: now,
            deleted_at: null,
          })
          .execute();
      }
      for (let i = 0; i < lessons.length; i += 500) {
        const batch = lessons.slice(i, i + 500);
        await trx
          .insertInto("lessons")
          .values(
            batch.map((l, k) => ({
              id: l.id,
              workspace_id: l.workspaceId,
              document_id: l.documentId,
              kind: l.lessonKind,
              text: l.text,
              position: (i + k) % 8,
              status: l.status,
              previous_status: null,
              status_changed_by: null,
              status_changed_at: null,
              created_by: null,
              created_at: now,
              updated_at: now,
              deleted_at: null,
            })),
          )
          .execute();
        await trx
          .insertInto("lesson_themes")
          .values(
            batch.flatMap((l) =>
              l.themes.map((t) => ({
                lesson_id: l.id,
                theme_id: `${t.id}-${l.workspaceId.slice(-1)}`,
              })),
            ),
          )
          .execute();
      }
    });
    const started = performance.now();
    const index = await createEmbeddedSearchIndex(sqlSearchEntrySource(db));
    const seconds = (performance.now() - started) / 1000;
    const documents = new Set(lessons.map((l) => l.documentId)).size;
    log(
      `search embedded start-up rebuild from SQLite: ${size} lessons in ${documents} documents in ${seconds.toFixed(1)} s (${Math.round((size + documents) / seconds)} entries/s)`,
    );
    await index.close();
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
  await measureStartupRebuild(100_000, log);
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
