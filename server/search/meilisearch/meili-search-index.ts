import {
  type EnqueuedTaskPromise,
  type Index,
  Meilisearch,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type SearchResponse,
  type Task,
} from "meilisearch";
import { AppError } from "../../errors";
import type { Logger } from "../../logger";
import { MARK_END, MARK_START, markersToHtml } from "../dutch-text";
import { type IndexedRecord, toIndexedRecord, toSearchHit } from "../indexed-record";
import {
  filterField,
  type SearchEntry,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  toFacetCounts,
} from "../search-index";
import { CROP_MARKER, queryTokens, SNIPPET_WORDS } from "../snippet";
import { filterExpression, quoted } from "./filter-expression";
import { meiliIndexSettings } from "./index-settings";
import { type PendingWrite, PendingWrites } from "./pending-writes";

export interface MeiliSearchIndexOptions {
  url: string;
  /** Stays in this process: it is only ever sent to Meilisearch itself. */
  masterKey: string | undefined;
  logger: Logger;
  indexUid?: string;
  /** How often missed writes are retried while the engine is down. */
  retryIntervalMs?: number;
  /** Bound of the queue of missed writes. */
  maxPendingWrites?: number;
  /** How often a task's state is polled while it is awaited. */
  taskPollMs?: number;
}

/** A Meilisearch task that ended in failure, with the engine's own code and message. */
export class SearchTaskError extends Error {
  override name = "SearchTaskError";
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

/** Search with a Meilisearch server; writes missed while it is down are queued and replayed. */
export class MeiliSearchIndex implements SearchIndex {
  private readonly client: Meilisearch;
  private readonly meiliIndex: Index<IndexedRecord>;
  private readonly pending: PendingWrites;
  private settingsApplied = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

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
    this.pending = new PendingWrites(options.maxPendingWrites ?? 10_000);
  }

  /** Creates the index if needed and applies its settings; when the engine is down, retries later. */
  async start(): Promise<void> {
    try {
      await this.applySettings();
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.options.logger.warn(
        "Meilisearch does not answer at start; its settings will be applied when it is back",
        {
          url: this.options.url,
        },
      );
      this.scheduleRetry();
    }
  }

  /** Adds or replaces entries. */
  index(entries: SearchEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const records = entries.map(toIndexedRecord);
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
    const q = queryTokens(query.q).join(" ");
    let response: SearchResponse<IndexedRecord>;
    try {
      response = await this.meiliIndex.search(q, {
        filter: filterExpression(query),
        facets: query.facets.map((f) => filterField[f]),
        limit: query.limit,
        offset: query.offset,
        attributesToHighlight: ["title", "documentTitle", "text"],
        attributesToCrop: ["text"],
        cropLength: SNIPPET_WORDS,
        cropMarker: CROP_MARKER,
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
        matchingStrategy: "all",
      });
    } catch (error) {
      if (isUnreachable(error)) throw searchDown();
      throw error;
    }
    const hits = response.hits.map((hit) => {
      const formatted = (hit._formatted ?? {}) as Partial<Record<string, string>>;
      const title = hit.type === "lesson" ? formatted.documentTitle : formatted.title;
      return toSearchHit(
        hit as IndexedRecord,
        markersToHtml(title ?? ""),
        markersToHtml(formatted.text ?? ""),
      );
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

  /** Stops retrying; writes still queued are lost (logged), to be recovered by `npm run reindex`. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.flushing;
    if (this.pending.size > 0) {
      this.options.logger.warn(
        "Closing with search writes that never reached Meilisearch; run npm run reindex",
        {
          pending: this.pending.size,
        },
      );
    }
  }

  /** How many writes wait for Meilisearch to come back. */
  get pendingWrites(): number {
    return this.pending.size;
  }

  private async applySettings(): Promise<void> {
    const uid = this.meiliIndex.uid;
    const created = await this.client.createIndex(uid, { primaryKey: "id" }).waitTask();
    if (created.status === "failed" && created.error?.code !== "index_already_exists")
      throw taskError(created);
    await this.awaitTask(this.meiliIndex.updateSettings(meiliIndexSettings));
    this.settingsApplied = true;
  }

  /** Runs a write now, or queues it behind earlier missed writes, or when the engine does not answer. */
  private async write(label: string, send: () => EnqueuedTaskPromise): Promise<void> {
    const write: PendingWrite = { label, run: () => this.awaitTask(send()) };
    if (this.pending.size > 0 || !this.settingsApplied) return this.enqueue(write);
    try {
      await write.run();
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.enqueue(write);
    }
  }

  private enqueue(write: PendingWrite): void {
    if (!this.pending.push(write)) {
      this.options.logger.error("Search write queue is full; dropped the oldest write. Run npm run reindex", {
        dropped: this.pending.dropped,
      });
    }
    this.scheduleRetry();
  }

  private async awaitTask(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.status !== "succeeded") throw taskError(task);
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer || this.flushing) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined;
        if (this.pending.size > 0 || !this.settingsApplied) this.scheduleRetry();
      });
    }, this.options.retryIntervalMs ?? 2_000);
    this.retryTimer.unref();
  }

  /** Replays missed writes in order; stops at the first one the engine does not answer. */
  private async flush(): Promise<void> {
    try {
      if (!this.settingsApplied) await this.applySettings();
      for (let write = this.pending.peek(); write && !this.closed; write = this.pending.peek()) {
        try {
          await write.run();
        } catch (error) {
          if (isUnreachable(error)) throw error;
          // The engine refused it: retrying would fail forever, so log and move on.
          this.options.logger.error("Search write failed and was dropped", {
            write: write.label,
            error: String(error),
          });
        }
        this.pending.done();
      }
      if (this.pending.size === 0) this.options.logger.info("Search writes caught up with Meilisearch");
    } catch (error) {
      if (!isUnreachable(error))
        this.options.logger.error("Applying search settings failed", { error: String(error) });
    }
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
