import { count, create, type Orama, removeMultiple, search, upsertMultiple } from "@orama/orama";
import type { SearchFacetName } from "../../../shared/schemas/search";
import { tokenizeDutch } from "../dutch-text";
import { type IndexedRecord, toIndexedRecord, toSearchHit } from "../indexed-record";
import {
  filterField,
  type SearchEntry,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  toFacetCounts,
} from "../search-index";
import { highlightAll, queryTokens, snippetOf } from "../snippet";
import { Vocabulary } from "./vocabulary";

/** Every stored entry, in batches — the embedded engine is rebuilt from SQL at start. */
export type SearchEntrySource = () => AsyncIterable<SearchEntry[]>;

const schema = {
  workspaceId: "enum",
  documentId: "enum",
  type: "enum",
  title: "string",
  documentTitle: "string",
  text: "string",
  themeNames: "string",
  caseText: "string",
  lessonKind: "enum",
  themeIds: "enum[]",
  caseName: "enum",
  centreCity: "enum",
  outcome: "enum",
  status: "enum",
  documentKind: "enum",
} as const;
type OramaDb = Orama<typeof schema>;
interface OramaResults {
  count: number;
  hits: { id: string; document: unknown }[];
  facets?: Record<string, { values: Record<string, number> }>;
}

/** What Orama stores: the record plus fields shaped for its filters (booleans as "true"/"false" enums). */
type OramaRecord = IndexedRecord & { caseText: string; centreCity?: "true" | "false" };

/** Orama field per filter key; isCentreCity is stored as an enum so several values can be OR-ed. */
const oramaField = { ...filterField, isCentreCity: "centreCity" } as const;

/** Title hits outrank text hits; a lesson's document title counts least. */
const boost = { title: 10, text: 1, themeNames: 1, caseText: 1, documentTitle: 0.5 };

/** The folding, stop-word-dropping tokenizer, the same at index and at query time. */
const dutchTokenizer = {
  language: "dutch",
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string) => tokenizeDutch(raw),
};

function toOramaRecord(entry: SearchEntry): OramaRecord {
  const record = toIndexedRecord(entry);
  const centreCity = record.isCentreCity === undefined ? undefined : record.isCentreCity ? "true" : "false";
  return { ...record, caseText: record.caseName ?? "", centreCity };
}

/** In-memory search with Orama, for installs without Meilisearch. */
export class OramaSearchIndex implements SearchIndex {
  private readonly db: OramaDb = create({ schema, components: { tokenizer: dutchTokenizer } });
  private readonly vocabulary = new Vocabulary();

  /** Adds or replaces entries. */
  async index(entries: SearchEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const records = entries.map(toOramaRecord);
    // Orama's types want the schema shape only; the extra fields (themes …) are stored as given.
    await upsertMultiple(this.db, records as never[]);
    for (const r of records) {
      this.vocabulary.set(r.id, tokenizeDutch(`${r.title} ${r.text} ${r.themeNames} ${r.caseText} ${r.documentTitle}`));
    }
  }

  /** Removes entries by id. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await removeMultiple(this.db, ids);
    for (const id of ids) this.vocabulary.delete(id);
  }

  /** Removes a document and its lessons. */
  async removeDocument(documentId: string): Promise<void> {
    await this.remove(await this.idsWhere({ documentId: { eq: documentId } }));
  }

  /** Removes a workspace's entries. */
  async clearWorkspace(workspaceId: string): Promise<void> {
    await this.remove(await this.idsWhere({ workspaceId: { eq: workspaceId } }));
  }

  /** Searches within the query's workspaces. */
  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    if (query.workspaceIds.length === 0) return { hits: [], facets: {}, total: 0, took: 0 };
    const tokens = queryTokens(query.q);
    let result = await this.run(query, tokens);
    if (result.count === 0 && tokens.length > 0) {
      // Nothing as typed: try again with each word corrected to the closest indexed word.
      const corrected = tokens.map((t) => this.vocabulary.correct(t));
      if (corrected.every((t) => t !== undefined) && corrected.some((t, i) => t !== tokens[i])) {
        result = await this.run(query, corrected as string[]);
      }
    }
    const hits = result.hits.map((hit) => {
      const record = hit.document as unknown as OramaRecord;
      const title = record.type === "lesson" ? record.documentTitle : record.title;
      return toSearchHit(record, highlightAll(title, tokens), snippetOf(record.text, tokens));
    });
    const facetCounts: SearchResult["facets"] = {};
    for (const name of query.facets) {
      const values = (result.facets?.[oramaField[name]]?.values ?? {}) as Record<string, number>;
      // Orama counts entries without the field under "" (a document has no lesson kind).
      const { "": _missing, ...present } = values;
      facetCounts[name as SearchFacetName] = toFacetCounts(present);
    }
    return { hits, facets: facetCounts, total: result.count, took: Math.round(performance.now() - started) };
  }

  /** Always up: it lives in this process. */
  async health(): Promise<boolean> {
    return true;
  }

  /** Nothing to let go of. */
  async close(): Promise<void> {}

  /** Loads every entry from the source (used once at start). */
  async rebuild(source: SearchEntrySource): Promise<number> {
    let loaded = 0;
    for await (const batch of source()) {
      await this.index(batch);
      loaded += batch.length;
    }
    return loaded;
  }

  private run(query: SearchQuery, tokens: string[]) {
    const facets = Object.fromEntries(query.facets.map((f) => [oramaField[f], { limit: 1000 }]));
    return search(this.db, {
      term: tokens.join(" "),
      properties: ["title", "text", "themeNames", "caseText", "documentTitle"],
      boost,
      // Typos are corrected through the vocabulary (see vocabulary.ts); prefixes match as typed.
      tolerance: 0,
      // 0: every query word must match, like Meilisearch's matchingStrategy "all".
      threshold: 0,
      where: this.whereOf(query),
      facets,
      limit: query.limit,
      offset: query.offset,
    } as never) as unknown as Promise<OramaResults>;
  }

  private whereOf(query: SearchQuery): Record<string, unknown> {
    const where: Record<string, unknown> = { workspaceId: { in: query.workspaceIds } };
    for (const [key, values] of Object.entries(query.filters)) {
      if (!values || values.length === 0) continue;
      const field = oramaField[key as SearchFacetName];
      const strings = values.map(String);
      where[field] = field === "themeIds" ? { containsAny: strings } : { in: strings };
    }
    return where;
  }

  private async idsWhere(where: Record<string, unknown>): Promise<string[]> {
    const total = count(this.db);
    if (total === 0) return [];
    const result = await search(this.db, { term: "", where, limit: total } as never);
    return result.hits.map((hit) => hit.id);
  }
}

/** Creates the embedded index and fills it from the source, when given one. */
export async function createOramaSearchIndex(source?: SearchEntrySource): Promise<OramaSearchIndex> {
  const index = new OramaSearchIndex();
  if (source) await index.rebuild(source);
  return index;
}
