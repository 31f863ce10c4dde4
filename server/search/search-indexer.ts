import type { Db } from "../db/database";
import type { DomainEventBus } from "../events";
import type { Logger } from "../logger";
import type { SearchIndex } from "./search-index";
import { SearchTaskError } from "./search-index";
import { type OutboxRound, SearchOutbox } from "./search-outbox";
import { documentColumnsForSearch, searchEntriesForDocuments } from "./sql-entry-source";

export interface SearchIndexerOptions {
  /** How long changes are collected before a round runs. */
  delayMs?: number;
  /** First wait before a failed round is tried again; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Documents per round when working through the outbox. */
  batchSize?: number;
}

/**
 * Keeps the search index in step with SQL. A changed document is first written to the outbox (SQL), then,
 * after a short moment, re-read from SQL and sent: a live document is (re)indexed with its live lessons,
 * lessons whose block disappeared are removed, a trashed document leaves the index with all its lessons.
 * Only when the engine confirmed a round do its documents leave the outbox; a round the engine did not
 * answer stays there and is tried again with backoff, also after a restart (`start`).
 */
export class SearchIndexer {
  private readonly outbox: SearchOutbox;
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryWaitMs: number;
  /** Outbox writes in flight: a round runs only after the documents it takes were recorded. */
  private recorded: Promise<void> = Promise.resolve();
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly logger: Logger,
    private readonly options: SearchIndexerOptions = {},
  ) {
    this.outbox = new SearchOutbox(db);
    this.retryWaitMs = options.retryMs ?? 1_000;
  }

  /** Subscribes to the domain events that change what is searchable; returns the unsubscribe function. */
  listen(events: DomainEventBus): () => void {
    const offs = [
      events.on("documentTrashed", ({ documentId }) => this.refreshDocuments([documentId])),
      events.on("documentsChanged", ({ workspaceId, documentIds }) => {
        if (documentIds) this.refreshDocuments(documentIds);
        else void this.refreshWorkspace(workspaceId);
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }

  /**
   * Works through what an earlier run left in the outbox, and re-sends everything when the engine says its
   * store is stale (new, or of an older format). Returns without waiting for the engine.
   */
  async start(): Promise<void> {
    this.index.onStale(async () => {
      const documents = await this.outbox.addEveryDocument();
      this.logger.info("Search index is new or of an older format; sending every document", { documents });
      this.scheduleOutboxRound(0);
    });
    const left = await this.outbox.size();
    if (left > 0) {
      this.logger.info("Search outbox holds documents from before; sending them", { documents: left });
      this.scheduleOutboxRound(0);
    }
  }

  /** Schedules these documents (and their lessons) to be re-read and re-indexed. */
  refreshDocuments(documentIds: string[]): void {
    if (documentIds.length === 0) return;
    this.record(this.outbox.add(documentIds));
    for (const id of documentIds) this.pending.add(id);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 150);
  }

  /** Re-indexes right away (awaits the work); for the settled-document pipeline and tests. */
  async refreshNow(documentIds: string[]): Promise<void> {
    this.record(this.outbox.add(documentIds));
    for (const id of documentIds) this.pending.add(id);
    await this.flush();
  }

  /** How many documents wait in the outbox for the engine. */
  waiting(): Promise<number> {
    return this.outbox.size();
  }

  private record(write: Promise<unknown>): void {
    this.recorded = this.recorded.then(
      () => write.then(() => undefined),
      () => write.then(() => undefined),
    );
    this.recorded = this.recorded.catch((error: unknown) => {
      // The round still runs from memory; only a crash before it ends could then lose it.
      this.logger.error("search outbox write failed", { error: String(error) });
    });
  }

  private async refreshWorkspace(workspaceId: string): Promise<void> {
    const rows = await this.db
      .selectFrom("documents")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .execute();
    this.refreshDocuments(rows.map((r) => r.id));
  }

  /** Runs pending work now; later calls queue behind a running one. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.run());
    return this.flushing;
  }

  private async run(): Promise<void> {
    await this.recorded;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    let round: OutboxRound = new Map();
    try {
      round = await this.outbox.round(ids);
      await this.send(ids);
      await this.outbox.confirm(round);
      this.retryWaitMs = this.options.retryMs ?? 1_000;
      if (await this.outbox.size()) this.scheduleOutboxRound(0);
    } catch (error) {
      if (error instanceof SearchTaskError) {
        // The engine refused these entries: sending them again would fail the same way.
        this.logger.error("search engine refused an index write; dropped", {
          documents: ids,
          error: error.message,
        });
        await this.outbox.confirm(round).catch(() => undefined);
        return;
      }
      // Not answered (or SQL failed): the documents stay in the outbox and are tried again.
      this.logger.warn("search indexing did not go through; will try again", {
        documents: ids.length,
        retryInMs: this.retryWaitMs,
        error: (error as Error).message,
      });
      this.scheduleOutboxRound(this.retryWaitMs);
      this.retryWaitMs = Math.min(this.retryWaitMs * 2, this.options.maxRetryMs ?? 30_000);
    }
  }

  /** Brings these documents' entries in the engine in step with SQL. */
  private async send(ids: string[]): Promise<void> {
    const docs = await this.db
      .selectFrom("documents")
      .select([...documentColumnsForSearch, "deleted_at"])
      .where("id", "in", ids)
      .execute();
    const live = docs.filter((d) => d.deleted_at === null);
    const gone = ids.filter((id) => !live.some((d) => d.id === id));
    for (const documentId of gone) await this.index.removeDocument(documentId);
    if (live.length === 0) return;
    const entries = await searchEntriesForDocuments(this.db, live);
    const deletedLessons = await this.db
      .selectFrom("lessons")
      .select("id")
      .where(
        "document_id",
        "in",
        live.map((d) => d.id),
      )
      .where("deleted_at", "is not", null)
      .execute();
    await this.index.index(entries);
    if (deletedLessons.length) await this.index.remove(deletedLessons.map((l) => l.id));
  }

  /** Takes the next batch of the outbox into a round after `waitMs`. */
  private scheduleOutboxRound(waitMs: number): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.recorded
        .then(() => this.outbox.waiting(this.options.batchSize ?? 200))
        .then((ids) => {
          if (ids.length === 0 || this.closed) return;
          for (const id of ids) this.pending.add(id);
          return this.flush();
        })
        .catch((error: unknown) => {
          this.logger.error("reading the search outbox failed", { error: String(error) });
          this.scheduleOutboxRound(this.options.maxRetryMs ?? 30_000);
        });
    }, waitMs);
    this.retryTimer.unref();
  }

  /** Waits for running work and stops the timers; what the engine did not confirm stays in the outbox. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.flush();
  }
}
