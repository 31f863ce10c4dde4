import type { Db } from "../db/database";
import type { DomainEventBus } from "../events";
import type { Logger } from "../logger";
import type { SearchIndex } from "./search-index";
import { documentColumnsForSearch, searchEntriesForDocuments } from "./sql-entry-source";

/**
 * Keeps the search index in step with SQL. Changes are collected per document for a short moment and then
 * re-read from SQL: a live document is (re)indexed with its live lessons, lessons whose block disappeared are
 * removed, and a trashed or deleted document leaves the index with all its lessons.
 */
export class SearchIndexer {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
    private readonly logger: Logger,
    private readonly delayMs = 150,
  ) {}

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

  /** Schedules these documents (and their lessons) to be re-read and re-indexed. */
  refreshDocuments(documentIds: string[]): void {
    for (const id of documentIds) this.pending.add(id);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Re-indexes right away (awaits the work); for the settled-document pipeline and tests. */
  async refreshNow(documentIds: string[]): Promise<void> {
    for (const id of documentIds) this.pending.add(id);
    await this.flush();
  }

  private async refreshWorkspace(workspaceId: string): Promise<void> {
    const rows = await this.db.selectFrom("documents").select("id").where("workspace_id", "=", workspaceId).execute();
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
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    try {
      const docs = await this.db.selectFrom("documents").select([...documentColumnsForSearch, "deleted_at"]).where("id", "in", ids).execute();
      const live = docs.filter((d) => d.deleted_at === null);
      const gone = ids.filter((id) => !live.some((d) => d.id === id));
      for (const documentId of gone) await this.index.removeDocument(documentId);
      if (live.length === 0) return;
      const entries = await searchEntriesForDocuments(this.db, live);
      const deletedLessons = await this.db
        .selectFrom("lessons")
        .select("id")
        .where("document_id", "in", live.map((d) => d.id))
        .where("deleted_at", "is not", null)
        .execute();
      await this.index.index(entries);
      if (deletedLessons.length) await this.index.remove(deletedLessons.map((l) => l.id));
    } catch (error) {
      // The Meilisearch adapter queues writes while it is down; anything else is logged, and reindex recovers.
      this.logger.error("search indexing failed", { documents: ids, error: (error as Error).message });
    }
  }

  /** Waits for running work and stops the timer. */
  async close(): Promise<void> {
    await this.flush();
  }
}
