import { randomBytes } from "node:crypto";
import { createLogger } from "../server/logger";
import { createSearchIndex } from "../server/search/create-search-index";
import type { DocumentEntry, LessonEntry, SearchEntry, SearchIndex } from "../server/search/search-index";
import { SynonymMatcher } from "../server/search/synonyms";
import type { LessonKind } from "../shared/lessons";
import { readKindWords } from "../shared/search-kind-words";
import { meiliUnavailableReason, startMeilisearch } from "../tests/helpers/meilisearch";
import { random } from "./random";

/**
 * Relevance, measured: a generated corpus of Dutch lessons and case texts about known concepts, and a judged
 * query set (compounds, plurals, typos, synonyms, kind words) with per query the relevant entries and how
 * relevant (2: about the word itself, 1: a compound or near form). Both engines answer the same queries the
 * way the search service asks them (kind words read as filters first); recall@10 and nDCG@10 per category.
 */

/** A concept the corpus writes about, in the forms a text uses (singular, plural, spelled out, abbreviated). */
interface Concept {
  key: string;
  forms: string[];
}

const concepts: Concept[] = [
  { key: "dienstenwijzer", forms: ["dienstenwijzer", "dienstenwijzers"] },
  { key: "lde", forms: ["lokale diensteneconomie", "LDE"] },
  { key: "sociale-economie", forms: ["sociale economie"] },
  { key: "loket", forms: ["loket", "loketten"] },
  { key: "dienstenloket", forms: ["dienstenloket", "dienstenloketten"] },
  { key: "ondernemersloket", forms: ["ondernemersloket"] },
  { key: "regie", forms: ["regie"] },
  { key: "regierol", forms: ["regierol", "regierollen"] },
  { key: "regisseur", forms: ["regisseur", "regisseurs"] },
  { key: "gemeente", forms: ["gemeente", "gemeenten"] },
  { key: "centrumstad", forms: ["centrumstad", "centrumsteden"] },
  { key: "initiatief", forms: ["initiatief", "initiatieven"] },
  { key: "buurtinitiatief", forms: ["buurtinitiatief", "buurtinitiatieven"] },
  { key: "vrijwilliger", forms: ["vrijwilliger", "vrijwilligers"] },
  { key: "kinderopvang", forms: ["kinderopvang"] },
  { key: "bnd", forms: ["buurt- en nabijheidsdiensten", "BND"] },
  { key: "vvsg", forms: ["VVSG", "Vereniging van Vlaamse Steden en Gemeenten"] },
  { key: "subsidie", forms: ["subsidie", "subsidies"] },
  { key: "doelgroepwerknemer", forms: ["doelgroepwerknemer", "doelgroepwerknemers"] },
  { key: "maatwerkbedrijf", forms: ["maatwerkbedrijf", "maatwerkbedrijven"] },
  { key: "klaverbladmodel", forms: ["klaverbladmodel"] },
  { key: "draagvlak", forms: ["draagvlak"] },
  { key: "huisvesting", forms: ["huisvesting"] },
  { key: "mobiliteit", forms: ["mobiliteit"] },
  { key: "strijkatelier", forms: ["strijkatelier", "strijkateliers"] },
  { key: "werkwinkel", forms: ["werkwinkel", "werkwinkels"] },
];

/** The workspace's synonym groups, as a facilitator would keep them. */
const synonymGroups = [
  ["LDE", "lokale diensteneconomie"],
  ["BND", "buurt- en nabijheidsdiensten"],
  ["VVSG", "Vereniging van Vlaamse Steden en Gemeenten"],
];

const templates: Record<LessonKind, string[]> = {
  do: [
    "Betrek {c} al bij de start van het traject.",
    "Maak vooraf schriftelijke afspraken over {c} met alle partners.",
    "Leg de verantwoordelijkheid voor {c} bij één trekker.",
  ],
  dont: ["Laat {c} niet over aan het toeval.", "Start niet met {c} zonder budget voor de opvolging."],
  pitfall: [
    "{c} zonder vaste trekker verwatert na een jaar.",
    "Wie {c} onderschat, verliest de steun van de partners.",
  ],
  bottleneck: ["Voor {c} ontbrak structurele financiering.", "{c} botste op regels van de hogere overheid."],
  success_factor: [
    "Een vaste contactpersoon voor {c} maakte het verschil.",
    "{c} werkte dankzij korte lijnen met het bestuur.",
  ],
};
const kinds = Object.keys(templates) as LessonKind[];

/** Words that are about none of the concepts: the everyday language of minutes around them. */
const neutral = (
  "overleg planning bestuur evaluatie begroting opvolging partners trekker afspraken verslag vergadering timing " +
  "agenda werkgroep beleid toekomst ervaring proces signaal tussentijds jaarlijks structureel provincie schepen " +
  "burgemeester personeel budget communicatie welzijn armoede doelgroep projectleider middelen capaciteit " +
  "economisch regionaal lokaal regelmatig wijk bewoners stuurgroep kalender"
).split(" ");
const fillers = "de het een van en in op te met voor niet geen werd zonder tussen".split(" ");
const towns = ["Lokeren", "Zele", "Sint-Niklaas", "Aalst", "Dendermonde", "Temse", "Beveren", "Hamme"];

interface Judged {
  entry: SearchEntry;
  /** Concepts this entry is about. */
  concepts: Set<string>;
  kind?: LessonKind;
}

/** The corpus: per concept five lessons of different kinds, 1,500 lessons about none, in 60 case documents. */
function corpus(workspaceId: string): Judged[] {
  const rnd = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const sentence = (n: number) =>
    Array.from({ length: n }, () => (rnd() < 0.3 ? pick(fillers) : pick(neutral))).join(" ");
  const lessons: Judged[] = [];
  const lesson = (text: string, kind: LessonKind, about: string[]) => {
    const n = lessons.length;
    const entry: LessonEntry = {
      id: `rel${String(n).padStart(13, "0")}`,
      workspaceId,
      type: "lesson",
      documentId: `reldoc${String(n % 60).padStart(10, "0")}`,
      documentTitle: "",
      text,
      lessonKind: kind,
      themes: [],
      status: "candidate",
      documentKind: "case",
    };
    lessons.push({ entry, concepts: new Set(about), kind });
  };
  concepts.forEach((concept, c) => {
    for (let i = 0; i < 5; i++) {
      const kind = kinds[(c + i) % kinds.length];
      const template = templates[kind][i % templates[kind].length];
      const form = concept.forms[i % concept.forms.length];
      const text = template.replace("{c}", form);
      lesson(`${text[0].toUpperCase()}${text.slice(1)} ${sentence(6)}.`, kind, [concept.key]);
    }
  });
  for (let i = 0; i < 1_500; i++) lesson(`${sentence(10 + Math.floor(rnd() * 20))}.`, pick(kinds), []);
  // Shuffle so a concept's lessons land in different documents.
  for (let i = lessons.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [lessons[i], lessons[j]] = [lessons[j], lessons[i]];
  }
  const documents: Judged[] = Array.from({ length: 60 }, (_, d) => {
    const id = `reldoc${String(d).padStart(10, "0")}`;
    const own = lessons.filter((_, n) => n % 60 === d);
    const title = `Casus ${towns[d % towns.length]} ${d}`;
    for (const l of own) {
      (l.entry as LessonEntry).documentId = id;
      (l.entry as LessonEntry).documentTitle = title;
      (l.entry as LessonEntry).caseName = towns[d % towns.length];
    }
    const entry: DocumentEntry = {
      id,
      workspaceId,
      type: "document",
      documentId: id,
      title,
      text: `${sentence(40)}. ${own.map((l) => l.entry.text).join(" ")}`,
      documentKind: "case",
      caseName: towns[d % towns.length],
    };
    return { entry, concepts: new Set(own.flatMap((l) => [...l.concepts])) };
  });
  return [...lessons, ...documents];
}

type Category = "word" | "plural" | "compound" | "typo" | "synonym" | "kind word";

interface JudgedQuery {
  q: string;
  category: Category;
  /** Concept key → grade (2: the word itself, 1: a compound or near form). */
  grades: Record<string, number>;
}

/**
 * 44 judged queries. A lesson gets its concept's grade (and must be of the kind a kind word names); a case
 * document 1 when it holds a relevant lesson. "Vereniging van Vlaamse Steden en Gemeenten" says "gemeenten".
 */
const queries: JudgedQuery[] = [
  ...[
    "dienstenwijzer",
    "kinderopvang",
    "klaverbladmodel",
    "draagvlak",
    "huisvesting",
    "mobiliteit",
    "subsidie",
  ].map((q): JudgedQuery => ({ q, category: "word", grades: { [q]: 2 } })),
  { q: "regisseur", category: "word", grades: { regisseur: 2 } },
  { q: "maatwerkbedrijf", category: "word", grades: { maatwerkbedrijf: 2 } },
  { q: "dienstenwijzers", category: "plural", grades: { dienstenwijzer: 2 } },
  { q: "gemeenten", category: "plural", grades: { gemeente: 2, vvsg: 1 } },
  { q: "gemeente", category: "plural", grades: { gemeente: 2, vvsg: 1 } },
  { q: "initiatieven", category: "plural", grades: { initiatief: 2, buurtinitiatief: 1 } },
  { q: "vrijwilligers", category: "plural", grades: { vrijwilliger: 2 } },
  { q: "centrumsteden", category: "plural", grades: { centrumstad: 2 } },
  { q: "subsidies", category: "plural", grades: { subsidie: 2 } },
  { q: "maatwerkbedrijven", category: "plural", grades: { maatwerkbedrijf: 2 } },
  { q: "strijkateliers", category: "plural", grades: { strijkatelier: 2 } },
  { q: "economie", category: "compound", grades: { "sociale-economie": 2, lde: 1 } },
  { q: "loket", category: "compound", grades: { loket: 2, dienstenloket: 1, ondernemersloket: 1 } },
  { q: "regie", category: "compound", grades: { regie: 2, regierol: 1 } },
  { q: "initiatief", category: "compound", grades: { initiatief: 2, buurtinitiatief: 1 } },
  { q: "werknemers", category: "compound", grades: { doelgroepwerknemer: 1 } },
  { q: "atelier", category: "compound", grades: { strijkatelier: 1 } },
  { q: "winkel", category: "compound", grades: { werkwinkel: 1 } },
  { q: "bedrijven", category: "compound", grades: { maatwerkbedrijf: 1 } },
  { q: "dienstenwijzr", category: "typo", grades: { dienstenwijzer: 2 } },
  { q: "vrijwiligers", category: "typo", grades: { vrijwilliger: 2 } },
  { q: "kinderopvnag", category: "typo", grades: { kinderopvang: 2 } },
  { q: "klaverbladmodl", category: "typo", grades: { klaverbladmodel: 2 } },
  { q: "huisvestng", category: "typo", grades: { huisvesting: 2 } },
  { q: "subsidei", category: "typo", grades: { subsidie: 2 } },
  { q: "LDE", category: "synonym", grades: { lde: 2 } },
  { q: "lokale diensteneconomie", category: "synonym", grades: { lde: 2 } },
  { q: "BND", category: "synonym", grades: { bnd: 2 } },
  { q: "buurt- en nabijheidsdiensten", category: "synonym", grades: { bnd: 2 } },
  { q: "VVSG", category: "synonym", grades: { vvsg: 2 } },
  { q: "valkuil regie", category: "kind word", grades: { regie: 2, regierol: 1 } },
  { q: "succesfactoren vrijwilligers", category: "kind word", grades: { vrijwilliger: 2 } },
  { q: "knelpunt subsidie", category: "kind word", grades: { subsidie: 2 } },
  {
    q: "niet doen loket",
    category: "kind word",
    grades: { loket: 2, dienstenloket: 1, ondernemersloket: 1 },
  },
  { q: "doe draagvlak", category: "kind word", grades: { draagvlak: 2 } },
  { q: "pitfalls kinderopvang", category: "kind word", grades: { kinderopvang: 2 } },
  { q: "valkuilen gemeenten", category: "kind word", grades: { gemeente: 2, vvsg: 1 } },
];

function gradeOf(judged: Judged, query: JudgedQuery, kindFilter: LessonKind[]): number {
  if (judged.entry.type === "lesson") {
    if (kindFilter.length > 0 && !kindFilter.includes(judged.kind!)) return 0;
    return Math.max(0, ...[...judged.concepts].map((c) => query.grades[c] ?? 0));
  }
  if (kindFilter.length > 0) return 0;
  return [...judged.concepts].some((c) => (query.grades[c] ?? 0) > 0) ? 1 : 0;
}

/** recall@10 (of at most ten relevant entries) and nDCG@10 with gains 2^grade − 1. */
export function scoreRanking(ranked: number[], allGrades: number[]): { recall: number; ndcg: number } {
  const relevant = allGrades.filter((g) => g > 0).length;
  if (relevant === 0) return { recall: 1, ndcg: 1 };
  const top = ranked.slice(0, 10);
  const recall = top.filter((g) => g > 0).length / Math.min(10, relevant);
  const dcg = (grades: number[]) => grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a).slice(0, 10));
  return { recall, ndcg: ideal === 0 ? 1 : dcg(top) / ideal };
}

interface EngineScores {
  perQuery: Array<{ query: JudgedQuery; recall: number; ndcg: number }>;
}

async function judge(index: SearchIndex, judged: Judged[], workspaceId: string): Promise<EngineScores> {
  const byId = new Map(judged.map((j) => [j.entry.id, j]));
  const perQuery: EngineScores["perQuery"] = [];
  for (const query of queries) {
    // As the search service asks: kind words become the kind filter, the rest is text.
    const reading = readKindWords(query.q);
    const result = await index.search({
      workspaceIds: [workspaceId],
      q: reading.q,
      filters: reading.lessonKinds.length ? { lessonKind: reading.lessonKinds } : {},
      facets: [],
      limit: 10,
      offset: 0,
    });
    const ranked = result.hits.map((hit) => gradeOf(byId.get(hit.id)!, query, reading.lessonKinds));
    const all = judged.map((j) => gradeOf(j, query, reading.lessonKinds));
    perQuery.push({ query, ...scoreRanking(ranked, all) });
  }
  return { perQuery };
}

async function withSynonyms(judged: Judged[]): Promise<SearchEntry[]> {
  const matcher = new SynonymMatcher(synonymGroups);
  const entries: SearchEntry[] = [];
  for (const { entry } of judged) {
    const title = entry.type === "document" ? entry.title : entry.documentTitle;
    const synonyms = await matcher.expansionOf([title, entry.text]);
    entries.push(synonyms ? { ...entry, synonyms } : entry);
  }
  return entries;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const fixed = (value: number) => value.toFixed(3);

/** `npm run bench -- --only=search-relevance`: recall@10 and nDCG@10 of both engines on the judged Dutch set. */
export async function runSearchRelevance(log: (line: string) => void): Promise<void> {
  const workspaceId = "relevancews00001";
  const judged = corpus(workspaceId);
  const entries = await withSynonyms(judged);
  const logger = createLogger("warn");
  const results: Array<{ name: string; scores: EngineScores }> = [];

  const embedded = await createSearchIndex({ meili: undefined }, logger);
  await embedded.index(entries);
  results.push({ name: "embedded", scores: await judge(embedded, judged, workspaceId) });
  await embedded.close();

  const unavailable = meiliUnavailableReason();
  if (unavailable) log(`search-relevance meilisearch skipped: ${unavailable}`);
  else {
    const server = await startMeilisearch();
    try {
      const meili = await createSearchIndex(
        { meili: { url: server.url, masterKey: server.masterKey } },
        logger,
        {
          indexUid: `relevance_${randomBytes(4).toString("hex")}`,
        },
      );
      for (let i = 0; i < entries.length; i += 1_000) await meili.index(entries.slice(i, i + 1_000));
      results.push({ name: "meilisearch", scores: await judge(meili, judged, workspaceId) });
      await meili.close();
    } finally {
      await server.close();
    }
  }

  log(
    `search-relevance: ${queries.length} judged queries over ${judged.length} entries (${concepts.length} concepts) · recall@10 / nDCG@10`,
  );
  const categories: Category[] = ["word", "plural", "compound", "typo", "synonym", "kind word"];
  const header = ["category".padEnd(10), "queries", ...results.map((r) => r.name.padStart(19))].join("  ");
  log(header);
  for (const category of [...categories, "all"] as const) {
    const cells = results.map(({ scores }) => {
      const rows = scores.perQuery.filter((p) => category === "all" || p.query.category === category);
      return `${fixed(mean(rows.map((r) => r.recall)))} / ${fixed(mean(rows.map((r) => r.ndcg)))}`.padStart(
        19,
      );
    });
    const count = queries.filter((q) => category === "all" || q.category === category).length;
    log([category.padEnd(10), String(count).padStart(7), ...cells].join("  "));
  }
  for (const { name, scores } of results) {
    const weak = scores.perQuery.filter((p) => p.ndcg < 0.8);
    if (weak.length)
      log(
        `  ${name} below nDCG 0.8: ${weak.map((w) => `"${w.query.q}" ${fixed(w.recall)}/${fixed(w.ndcg)}`).join(", ")}`,
      );
  }
}
