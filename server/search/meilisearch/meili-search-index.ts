import {
  type EnqueuedTaskPromise,
  type Index,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type SearchResponse,
  type Task,
} from "meilisearch";
import { AppError } from "../../errors";
import type { Logger } from "../../logger";
import { dutchStem, wordForms } from "../dutch-forms";
import { tokenizeDutch } from "../dutch-text";
import { type IndexedRecord, toIndexedRecord, toSearchHit } from "../indexed-record";
import {
  filterField,
  type SearchEntry,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  SearchTaskError,
  SearchUnavailableError,
  toFacetCounts,
} from "../search-index";
import { highlightAll, queryTokens, snippetOf } from "../snippet";
import { filterExpression, quoted } from "./filter-expression";
import { meiliIndexSettings } from "./index-settings";

export { SearchTaskError } from "../search-index";

/**
 * The shape of the records this adapter writes. Bump it when a query starts to rely on a field older records
 * lack (as the `anchor` and `synonyms` fields): at the next start every document is sent again.
 */
export const RECORD_FORMAT = 2;
/** The one record that is not an entry: it says which RECORD_FORMAT the index holds (no workspace, never found). */
const FORMAT_MARKER_ID = "themawerk_record_format";

export interface MeiliSearchIndexOptions {
  url: string;
  /** Stays in this process: it is only ever sent to Meilisearch itself. */
  masterKey: string | undefined;
  logger: Logger;
  indexUid?: string;
  /** How often the index settings are tried again while the engine is down at start. */
  retryIntervalMs?: number;
  /** How often a task's state is polled while it is awaited. */
  taskPollMs?: number;
}

/** Errors that mean "the engine does not answer" (as opposed to "it refused"). */
function isUnreachable(error: unknown): boolean {
  return (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  );
}

const searchDown = () =>
  new AppError(
    503,
    "service_unavailable",
    "Search is unavailable: the search engine does not answer. Try again shortly.",
  );

/**
 * Search with a Meilisearch server. A write the engine does not answer fails with SearchUnavailableError and
 * is kept by the caller (the SQL outbox, server/search/search-outbox.ts); this adapter keeps nothing itself.
 */
export class MeiliSearchIndex implements SearchIndex {
  private readonly client: Meilisearch;
  private readonly meiliIndex: Index<IndexedRecord>;
  private settingsApplied = false;
  private settling: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private stale = false;
  private readonly staleListeners: Array<() => Promise<void>> = [];

  constructor(private readonly options: MeiliSearchIndexOptions) {
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.masterKey,
      timeout: 5_000,
      // Meilisearch writes a larger answer in two parts; on a kept-alive connection the second waits for
      // a delayed ACK, ~40 ms per search (measured: 44 ms → 3 ms round trip on loopback). A fresh plain-
      // HTTP connection per request avoids that stall; over https the handshake costs more, so keep-alive stays.
      requestInit: options.url.startsWith("http://") ? { headers: { Connection: "close" } } : undefined,
      defaultWaitOptions: { interval: options.taskPollMs ?? 25, timeout: 60_000 },
    });
    this.meiliIndex = this.client.index<IndexedRecord>(options.indexUid ?? "themawerk");
  }

  /** Creates the index if needed and applies its settings; when the engine is down, retries later. */
  async start(): Promise<void> {
    try {
      await this.ensureSettings();
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      this.options.logger.warn(
        "Meilisearch does not answer at start; its settings will be applied when it is back",
        { url: this.options.url },
      );
      this.scheduleSettingsRetry();
    }
  }

  /**
   * Tells `listener` when the index was created empty or holds records of another format (RECORD_FORMAT):
   * now, or once the engine answers. When the listener is done (it queued every document), the index is
   * marked as of the current format, so the next start does not send everything again.
   */
  onStale(listener: () => Promise<void>): void {
    this.staleListeners.push(listener);
    if (this.stale) void this.resync([listener]);
  }

  /** Marks the index as holding records of the current format (after a full `npm run reindex`). */
  async markCurrent(): Promise<void> {
    const marker = { id: FORMAT_MARKER_ID, workspaceId: "", format: RECORD_FORMAT };
    await this.write("mark the record format", () =>
      this.meiliIndex.addDocuments([marker as unknown as IndexedRecord]),
    );
  }

  private async resync(listeners: Array<() => Promise<void>>): Promise<void> {
    try {
      await Promise.all(listeners.map((listener) => listener()));
      await this.markCurrent();
    } catch (error) {
      // The marker stays old: the next start sends everything again, which is harmless.
      this.options.logger.warn("Could not mark the search index as current", { error: String(error) });
    }
  }

  /** Whether the index holds the marker of the current record format. */
  private async holdsCurrentFormat(): Promise<boolean> {
    try {
      const marker = (await this.meiliIndex.getDocument(FORMAT_MARKER_ID)) as unknown as { format?: number };
      return marker.format === RECORD_FORMAT;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === "document_not_found") return false;
      throw error;
    }
  }

  /** Adds or replaces entries. */
  index(entries: SearchEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const records = entries.map(toMeiliRecord);
    return this.write(`index ${records.length} entries`, () => this.meiliIndex.addDocuments(records));
  }

  /** Removes entries by id. */
  remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.write(`remove ${ids.length} entries`, () => this.meiliIndex.deleteDocuments([...ids]));
  }

  /** Removes a document and its lessons. */
  removeDocument(documentId: string): Promise<void> {
    const filter = `documentId = ${quoted(documentId)}`;
    return this.write(`remove document ${documentId}`, () => this.meiliIndex.deleteDocuments({ filter }));
  }

  /** Removes a workspace's entries. */
  clearWorkspace(workspaceId: string): Promise<void> {
    const filter = `workspaceId = ${quoted(workspaceId)}`;
    return this.write(`clear workspace ${workspaceId}`, () => this.meiliIndex.deleteDocuments({ filter }));
  }

  /** Searches within the query's workspaces (the filter is always added here). */
  async search(query: SearchQuery): Promise<SearchResult> {
    if (query.workspaceIds.length === 0) return { hits: [], facets: {}, total: 0, took: 0 };
    // Stop words are dropped here too: Meilisearch keeps a trailing one as a prefix ("het" → "hetzelfde").
    // Each word goes as its stem, which meets every form of it in `forms` and compounds in `parts`.
    const q = meiliQuery(queryTokens(query.q));
    let response: SearchResponse<IndexedRecord>;
    try {
      response = await this.meiliIndex.search(q, {
        filter: filterExpression(query),
        facets: query.facets.map((f) => filterField[f]),
        limit: query.limit,
        offset: query.offset,
        matchingStrategy: "all",
      });
    } catch (error) {
      if (isUnreachable(error)) throw searchDown();
      throw error;
    }
    // Marked by the words as typed, as the embedded engine does: Meilisearch only saw their stems.
    const tokens = queryTokens(query.q);
    const hits = response.hits.map((hit) => {
      const record = hit as IndexedRecord;
      const title = record.type === "lesson" ? record.documentTitle : record.title;
      return toSearchHit(record, highlightAll(title, tokens), snippetOf(record.text, tokens));
    });
    const facets: SearchResult["facets"] = {};
    for (const name of query.facets)
      facets[name] = toFacetCounts(response.facetDistribution?.[filterField[name]] ?? {});
    return {
      hits,
      facets,
      total: response.estimatedTotalHits ?? hits.length,
      took: response.processingTimeMs,
    };
  }

  /** True when Meilisearch answers its health check. */
  async health(): Promise<boolean> {
    try {
      return (await this.client.health()).status === "available";
    } catch {
      return false;
    }
  }

  /** Stops retrying the settings. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.settling?.catch(() => undefined);
  }

  /** Applies the settings once; concurrent callers share the attempt. Unreachable → SearchUnavailableError. */
  private ensureSettings(): Promise<void> {
    if (this.settingsApplied) return Promise.resolve();
    this.settling ??= this.applySettings()
      .catch((error: unknown) => {
        throw isUnreachable(error) ? new SearchUnavailableError(String(error)) : error;
      })
      .finally(() => {
        this.settling = undefined;
      });
    return this.settling;
  }

  private async applySettings(): Promise<void> {
    const uid = this.meiliIndex.uid;
    const created = await this.client.createIndex(uid, { primaryKey: "id" }).waitTask();
    if (created.status === "failed" && created.error?.code !== "index_already_exists")
      throw taskError(created);
    await this.awaitTask(this.meiliIndex.updateSettings(meiliIndexSettings));
    const current = created.status === "succeeded" ? false : await this.holdsCurrentFormat();
    this.settingsApplied = true;
    if (!current && !this.stale) {
      this.stale = true;
      if (this.staleListeners.length > 0) void this.resync(this.staleListeners);
    }
  }

  /** Sends a write and waits until the engine applied it; one it does not answer throws SearchUnavailableError. */
  private async write(label: string, send: () => EnqueuedTaskPromise): Promise<void> {
    await this.ensureSettings();
    try {
      await this.awaitTask(send());
    } catch (error) {
      if (isUnreachable(error)) throw new SearchUnavailableError(`${label}: ${String(error)}`);
      throw error;
    }
  }

  private async awaitTask(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.status !== "succeeded") throw taskError(task);
  }

  private scheduleSettingsRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.ensureSettings().catch((error: unknown) => {
        if (error instanceof SearchUnavailableError) this.scheduleSettingsRetry();
        else this.options.logger.error("Applying search settings failed", { error: String(error) });
      });
    }, this.options.retryIntervalMs ?? 2_000);
    this.retryTimer.unref();
  }
}

function taskError(task: Task): SearchTaskError {
  const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
  return new SearchTaskError(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${reason}`);
}

/** Connects to Meilisearch and applies the index settings before the server takes requests. */
export async function createMeiliSearchIndex(options: MeiliSearchIndexOptions): Promise<MeiliSearchIndex> {
  const index = new MeiliSearchIndex(options);
  await index.start();
  return index;
}

/**
 * The stored record plus what Meilisearch cannot work out itself (server/search/dutch-forms.ts): the
 * stems of the entry's words and of its compounds' last parts, searched after every other field.
 */
function toMeiliRecord(entry: SearchEntry): IndexedRecord & { forms: string; parts: string; anchor: string } {
  const record = toIndexedRecord(entry);
  const words = tokenizeDutch([record.title, record.documentTitle, record.text, record.synonyms].join(" "));
  return { ...record, ...wordForms(words), anchor: QUERY_ANCHOR };
}

/**
 * A word every record holds (field `anchor`, searched last). Meilisearch takes the last query word as a
 * prefix; when that word is a stem cut from a whole word ("economie" → "economi"), the prefix would also
 * match unrelated words ("economisch"). Ending such a query with the anchor keeps the stem a whole word,
 * while it keeps its typo tolerance; the anchor itself matches every record, so it filters nothing.
 */
export const QUERY_ANCHOR = "qqanker";

/** The query Meilisearch gets: each word as its stem, once; the anchor after a last word that was cut. */
export function meiliQuery(tokens: string[]): string {
  const stems = [...new Set(tokens.map(dutchStem))];
  const last = tokens[tokens.length - 1];
  if (last !== undefined && dutchStem(last) !== last) stems.push(QUERY_ANCHOR);
  return stems.join(" ");
}
