import type { SearchFacetName } from "../../../shared/schemas/search";
import { tokenizeDutch } from "../dutch-text";
import { type IndexedRecord, toIndexedRecord, toSearchHit } from "../indexed-record";
import type { SearchEntry, SearchIndex, SearchQuery, SearchResult } from "../search-index";
import { highlightAll, queryTokens, snippetOf } from "../snippet";
import { sliceBudget } from "../../work-slices";
import { FacetValues, facetIndex, facetNames } from "./facet-values";
import { FIELD_UNIT, Matcher, type MatchSource, searchableFields, topK } from "./matcher";
import { TermDictionary } from "./term-dictionary";

/** Every stored entry, in batches — the embedded engine is rebuilt from SQL at start. */
export type SearchEntrySource = () => AsyncIterable<SearchEntry[]>;

interface StoredEntry {
  record: IndexedRecord;
  length: number;
}

/** One word's postings: [entry, tf × FIELD_UNIT + field bits] pairs in a typed array grown by doubling. */
interface PostingList {
  data: Int32Array;
  size: number;
}

const NO_THEMES: readonly number[] = [];

/** An entry's words: per term its packed tf × FIELD_UNIT + field bits, and the token count. */
interface EntryTerms {
  terms: Map<string, number>;
  length: number;
}

/** Text is tokenized in pieces of about this many characters, so one long document is not one long span. */
const TOKENIZE_CHARS = 16_384;
/**
 * Distinct words indexed per entry; further new words of the same entry are left out (words already
 * taken keep counting). A long handbook chapter has a few thousand; this bounds what one document
 * can add to memory and to every later search's typo scan.
 */
export const MAX_TERMS_PER_ENTRY = 50_000;
/**
 * Distinct words one workspace may bring into the dictionary, which every workspace's typo search scans.
 * A working group's whole vocabulary is a few tens of thousands; beyond the cap that workspace's entries
 * keep every word the dictionary already has, and leave out the new ones (reported once through `onCapped`).
 */
export const MAX_NEW_TERMS_PER_WORKSPACE = 500_000;

export interface EmbeddedSearchOptions {
  maxNewTermsPerWorkspace?: number;
  /** Told the first time a workspace reaches the cap. */
  onCapped?: (workspaceId: string) => void;
}

/** Words stored between two looks at the slice budget. */
const STORE_STEP = 256;

/**
 * The embedded engine: an in-memory inverted index built for this port (folded Dutch words, prefix
 * and typo matching, integer-coded facets). Entries are numbered; an update gets a new number and the
 * old one becomes a tombstone that postings skip, until a compaction rebuilds the postings.
 *
 * The engine runs in the server's process, so writes are done in slices that give the event loop back
 * every few milliseconds (sockets keep flowing while a long document is tokenized), and run one at a
 * time in call order. Searches answer from what is stored meanwhile; a compaction builds its new
 * postings aside and swaps them in at once.
 */
export class EmbeddedSearchIndex implements SearchIndex {
  constructor(private readonly options: EmbeddedSearchOptions = {}) {}

  private entries: (StoredEntry | undefined)[] = [];
  private byId = new Map<string, number>();
  private byWorkspace = new Map<string, Set<number>>();
  private byDocument = new Map<string, Set<number>>();
  /** Per word: its postings (4 bytes a number; a plain array takes 8). */
  private postings = new Map<string, PostingList>();
  /** Strings many records share (a document's title on each of its lessons, case names, theme lists), kept once. */
  private shared = new Map<string, string>();
  private sharedThemes = new Map<string, Pick<IndexedRecord, "themes" | "themeIds">>();
  private dictionary = new TermDictionary();
  private facetValues = new FacetValues();
  /** Per facet, the code of each entry's single value (-1: none); the theme facet uses the entry's list. */
  private columns: Int32Array[] = facetNames.map(() => new Int32Array(1024).fill(-1));
  /** Per entry, the codes of its themes (the one multi-valued facet); one shared empty list for none. */
  private themeLists: (readonly number[])[] = [];
  /** Per entry, the code of its workspace (codes from workspaceCodes). */
  private workspaceColumn: Int32Array = new Int32Array(1024);
  private workspaceCodes = new Map<string, number>();
  /** Per workspace code: how many dictionary words its entries brought in. */
  private newTerms: number[] = [];
  private tombstones = 0;
  private totalLength = 0;
  private readonly matcher = new Matcher();
  /** The write running now; the next one starts after it. */
  private writing: Promise<void> = Promise.resolve();
  private readonly matchSource: MatchSource = {
    capacity: () => this.entries.length,
    live: () => this.byId.size,
    averageLength: () => this.totalLength / Math.max(1, this.byId.size),
    postings: (term) => {
      const list = this.postings.get(term);
      return list?.data.subarray(0, list.size);
    },
    lengthOf: (n) => this.entries[n]?.length ?? -1,
  };

  /** Adds or replaces entries. */
  index(entries: SearchEntry[]): Promise<void> {
    return this.write(async (pause) => {
      for (const entry of entries) {
        const record = this.compact(toIndexedRecord(entry));
        await this.store(record, await termsOf(record, pause), pause);
      }
      await this.compactIfNeeded(pause);
    });
  }

  /** Removes entries by id. */
  remove(ids: string[]): Promise<void> {
    return this.write((pause) => this.dropAll(ids, pause));
  }

  /** Removes a document and its lessons. */
  removeDocument(documentId: string): Promise<void> {
    return this.write((pause) => this.dropAll(this.idsIn(this.byDocument.get(documentId)), pause));
  }

  /** Removes a workspace's entries. */
  clearWorkspace(workspaceId: string): Promise<void> {
    return this.write((pause) => this.dropAll(this.idsIn(this.byWorkspace.get(workspaceId)), pause));
  }

  /** Searches within the query's workspaces. */
  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    // Filters become flags per value code, checked against typed columns: this runs for every candidate.
    const checks = Object.entries(query.filters)
      .filter(([, values]) => values && values.length > 0)
      .map(([key, values]) => {
        const facet = key as SearchFacetName;
        const allowed = new Uint8Array(this.facetValues.tally(facet).length);
        for (const code of this.facetValues.lookup(facet, values)) allowed[code] = 1;
        return { column: facet === "theme" ? undefined : this.columns[facetIndex[facet]], allowed };
      });
    const themeLists = this.themeLists;
    const passes = (n: number): boolean => {
      for (let f = 0; f < checks.length; f++) {
        const { column, allowed } = checks[f];
        if (column) {
          const code = column[n];
          if (code < 0 || allowed[code] === 0) return false;
        } else {
          const codes = themeLists[n];
          let any = false;
          for (let i = 0; i < codes.length && !any; i++) any = allowed[codes[i]] === 1;
          if (!any) return false;
        }
      }
      return true;
    };
    const allowedWorkspaces = new Uint8Array(this.workspaceCodes.size);
    for (const ws of query.workspaceIds) {
      const code = this.workspaceCodes.get(ws);
      if (code !== undefined) allowedWorkspaces[code] = 1;
    }
    const workspaceColumn = this.workspaceColumn;
    const tokens = queryTokens(query.q);
    const wanted = query.offset + query.limit;
    let matched: number[];
    let page: number[];
    if (tokens.length === 0) {
      // No words: every entry of the workspaces that passes the filters, in the order they were added.
      matched = [];
      const entries = this.entries;
      for (let n = 0; n < entries.length; n++) {
        if (allowedWorkspaces[workspaceColumn[n]] === 1 && entries[n] !== undefined && passes(n))
          matched.push(n);
      }
      page = matched.slice(query.offset, wanted);
    } else {
      const admit = (n: number) => allowedWorkspaces[workspaceColumn[n]] === 1 && passes(n);
      const terms = tokens.map((token) => this.dictionary.matches(token));
      matched = this.matcher.match(this.matchSource, terms, admit);
      page = topK(matched, wanted, this.matcher.compare).slice(query.offset);
    }
    const facets: SearchResult["facets"] = {};
    for (const facet of query.facets) {
      const tally = this.facetValues.tally(facet);
      const at = facetIndex[facet];
      const column = this.columns[at];
      if (facet === "theme") {
        const lists = this.themeLists;
        for (let k = 0; k < matched.length; k++) {
          const codes = lists[matched[k]];
          for (let i = 0; i < codes.length; i++) tally[codes[i]]++;
        }
      } else {
        // Single-valued facets are counted from a typed column: this loop runs over every match.
        for (let k = 0; k < matched.length; k++) {
          const code = column[matched[k]];
          if (code >= 0) tally[code]++;
        }
      }
      facets[facet] = this.facetValues.counts(facet, tally);
    }
    const hits = page.map((n) => {
      const record = this.entries[n]!.record;
      const title = record.type === "lesson" ? record.documentTitle : record.title;
      return toSearchHit(record, highlightAll(title, tokens), snippetOf(record.text, tokens));
    });
    return { hits, facets, total: matched.length, took: Math.round(performance.now() - started) };
  }

  /** Never: this engine is rebuilt from SQL at every start. */
  onStale(): void {}

  /** Always up: it lives in this process. */
  async health(): Promise<boolean> {
    return true;
  }

  /** Nothing to let go of. */
  async close(): Promise<void> {}

  /** Loads every entry from the source (once, at start); returns how many. */
  async rebuild(source: SearchEntrySource): Promise<number> {
    let loaded = 0;
    for await (const batch of source()) {
      await this.index(batch);
      loaded += batch.length;
    }
    return loaded;
  }

  /** Runs a write after the ones before it, with a budget that gives the event loop back every few ms. */
  private write(work: (pause: () => Promise<void>) => Promise<void>): Promise<void> {
    const run = this.writing.then(() => work(sliceBudget()));
    this.writing = run.catch(() => {});
    return run;
  }

  private async dropAll(ids: string[], pause: () => Promise<void>): Promise<void> {
    for (const id of ids) {
      this.drop(id);
      await pause();
    }
    await this.compactIfNeeded(pause);
  }

  /**
   * Stores a record with its words (from termsOf), in slices: its number is taken first and its
   * postings added a few hundred words at a time, but searches skip a number without an entry, and
   * the entry (replacing the old version) is put in at once at the end — a search never sees half of it.
   */
  private async store(
    record: IndexedRecord,
    { terms, length }: EntryTerms,
    pause: () => Promise<void>,
  ): Promise<void> {
    const n = this.entries.length;
    this.entries.push(undefined);
    if (n >= this.columns[0].length) {
      this.columns = this.columns.map(grown);
      this.workspaceColumn = grown(this.workspaceColumn);
    }
    let workspaceCode = this.workspaceCodes.get(record.workspaceId);
    if (workspaceCode === undefined) {
      workspaceCode = this.workspaceCodes.size;
      this.workspaceCodes.set(record.workspaceId, workspaceCode);
      this.newTerms[workspaceCode] = 0;
    }
    const cap = this.options.maxNewTermsPerWorkspace ?? MAX_NEW_TERMS_PER_WORKSPACE;
    let stored = 0;
    for (const [term, packed] of terms) {
      let list = this.postings.get(term);
      if (!list) {
        if (this.newTerms[workspaceCode] >= cap) {
          if (this.newTerms[workspaceCode]++ === cap) this.options.onCapped?.(record.workspaceId);
          continue;
        }
        this.newTerms[workspaceCode]++;
        list = { data: new Int32Array(2), size: 0 };
        this.postings.set(term, list);
        this.dictionary.add(term);
      }
      if (list.size + 2 > list.data.length) {
        const data = new Int32Array(list.data.length * 2);
        data.set(list.data);
        list.data = data;
      }
      list.data[list.size++] = n;
      list.data[list.size++] = packed;
      if (++stored % STORE_STEP === 0) await pause();
    }
    this.drop(record.id);
    const facets = this.facetValues.encode(record);
    this.entries[n] = { record, length };
    this.workspaceColumn[n] = workspaceCode;
    const themeCodes = facets[facetIndex.theme];
    this.themeLists[n] = themeCodes.length === 0 ? NO_THEMES : themeCodes;
    facets.forEach((codes, at) => {
      this.columns[at][n] = codes[0] ?? -1;
    });
    this.totalLength += length;
    this.byId.set(record.id, n);
    addTo(this.byWorkspace, record.workspaceId, n);
    addTo(this.byDocument, record.documentId, n);
  }

  /** The record with the strings and theme lists it shares with others taken from (or put into) the shared tables. */
  private compact(record: IndexedRecord): IndexedRecord {
    const share = (value: string): string => {
      if (value === "") return "";
      const known = this.shared.get(value);
      if (known !== undefined) return known;
      this.shared.set(value, value);
      return value;
    };
    const themesKey = record.themes.map((t) => `${t.id}\u0000${t.name}`).join("\u0001");
    let themes = this.sharedThemes.get(themesKey);
    if (!themes) {
      themes = { themes: record.themes, themeIds: record.themeIds };
      this.sharedThemes.set(themesKey, themes);
    }
    return {
      ...record,
      ...themes,
      documentTitle: share(record.documentTitle),
      themeNames: share(record.themeNames),
      caseName: record.caseName === undefined ? undefined : share(record.caseName),
      synonyms: share(record.synonyms),
    };
  }

  private drop(id: string): void {
    const n = this.byId.get(id);
    if (n === undefined) return;
    const entry = this.entries[n]!;
    this.entries[n] = undefined;
    this.byId.delete(id);
    this.byWorkspace.get(entry.record.workspaceId)?.delete(n);
    this.byDocument.get(entry.record.documentId)?.delete(n);
    this.totalLength -= entry.length;
    this.tombstones++;
  }

  private idsIn(numbers: Set<number> | undefined): string[] {
    return [...(numbers ?? [])].map((n) => this.entries[n]!.record.id);
  }

  /**
   * Rebuilds postings without tombstones once they outnumber the live entries: into a fresh index, in
   * slices (searches keep answering from this one), then swapped in at once.
   */
  private async compactIfNeeded(pause: () => Promise<void>): Promise<void> {
    if (this.tombstones < 1_000 || this.tombstones < this.byId.size) return;
    const live = this.entries.filter((e): e is StoredEntry => e !== undefined).map((e) => e.record);
    const fresh = new EmbeddedSearchIndex(this.options);
    for (const record of live) {
      const kept = fresh.compact(record);
      await fresh.store(kept, await termsOf(kept, pause), pause);
    }
    this.entries = fresh.entries;
    this.byId = fresh.byId;
    this.byWorkspace = fresh.byWorkspace;
    this.byDocument = fresh.byDocument;
    this.postings = fresh.postings;
    this.shared = fresh.shared;
    this.sharedThemes = fresh.sharedThemes;
    this.dictionary = fresh.dictionary;
    this.facetValues = fresh.facetValues;
    this.columns = fresh.columns;
    this.themeLists = fresh.themeLists;
    this.workspaceColumn = fresh.workspaceColumn;
    this.workspaceCodes = fresh.workspaceCodes;
    this.newTerms = fresh.newTerms;
    this.tombstones = fresh.tombstones;
    this.totalLength = fresh.totalLength;
  }
}

/** An entry's words per searchable field, tokenized a piece of text at a time with pauses in between. */
async function termsOf(record: IndexedRecord, pause: () => Promise<void>): Promise<EntryTerms> {
  const terms = new Map<string, number>();
  let length = 0;
  for (const [bit, field] of searchableFields.entries()) {
    for (const piece of textPieces(record[field] ?? "")) {
      for (const term of tokenizeDutch(piece)) {
        const before = terms.get(term);
        if (before === undefined && terms.size >= MAX_TERMS_PER_ENTRY) continue;
        terms.set(term, ((before ?? 0) + FIELD_UNIT) | (1 << bit));
        length++;
      }
      await pause();
    }
  }
  return { terms, length };
}

/** The text in pieces of about TOKENIZE_CHARS, cut at whitespace so no word is split. */
function* textPieces(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > TOKENIZE_CHARS) {
    let cut = start + TOKENIZE_CHARS;
    while (cut > start && !/\s/.test(text[cut])) cut--;
    if (cut === start) cut = start + TOKENIZE_CHARS;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

/** A column twice as long, new slots -1. */
function grown(old: Int32Array): Int32Array {
  const next = new Int32Array(old.length * 2).fill(-1);
  next.set(old);
  return next;
}

function addTo(map: Map<string, Set<number>>, key: string, n: number): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(n);
}

/** Creates the embedded index and fills it from the source, when given one. */
export async function createEmbeddedSearchIndex(
  source?: SearchEntrySource,
  options: EmbeddedSearchOptions = {},
): Promise<EmbeddedSearchIndex> {
  const index = new EmbeddedSearchIndex(options);
  if (source) await index.rebuild(source);
  return index;
}
