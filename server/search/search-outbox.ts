import type { Db } from "../db/database";
import { newId, nowIso } from "../ids";

/** Outbox rows read for one round: document id → the token it was queued with. */
export type OutboxRound = Map<string, string>;

/**
 * The search outbox in SQL (table search_outbox): which documents' search entries still have to reach the
 * engine. A document is written here before the engine is asked, and leaves only once the engine confirmed
 * the write, so a crash or an engine that is down loses nothing: the next round, or the next start, re-reads
 * those documents from SQL and sends them again. Rows hold ids, not entries: what is sent is always SQL's
 * current state, so a replay can never bring back an older text.
 */
export class SearchOutbox {
  constructor(private readonly db: Db) {}

  /** Queues these documents (again); a document already waiting gets a new token. */
  async add(documentIds: readonly string[]): Promise<void> {
    const queuedAt = nowIso();
    for (let i = 0; i < documentIds.length; i += 500) {
      const rows = documentIds
        .slice(i, i + 500)
        .map((id) => ({ document_id: id, token: newId(), queued_at: queuedAt }));
      await this.db
        .insertInto("search_outbox")
        .values(rows)
        .onConflict((oc) =>
          oc.column("document_id").doUpdateSet((eb) => ({
            token: eb.ref("excluded.token"),
            queued_at: eb.ref("excluded.queued_at"),
          })),
        )
        .execute();
    }
  }

  /** Queues every live document: for an engine whose store was created empty. */
  async addEveryDocument(): Promise<number> {
    const rows = await this.db.selectFrom("documents").select("id").where("deleted_at", "is", null).execute();
    await this.add(rows.map((r) => r.id));
    return rows.length;
  }

  /** The tokens these documents wait with now (documents not in the outbox are left out). */
  async round(documentIds: readonly string[]): Promise<OutboxRound> {
    const round: OutboxRound = new Map();
    for (let i = 0; i < documentIds.length; i += 500) {
      const rows = await this.db
        .selectFrom("search_outbox")
        .select(["document_id", "token"])
        .where("document_id", "in", documentIds.slice(i, i + 500))
        .execute();
      for (const row of rows) round.set(row.document_id, row.token);
    }
    return round;
  }

  /** Removes the documents of a confirmed round, unless one was queued again since (its token changed). */
  async confirm(round: OutboxRound): Promise<void> {
    for (const [documentId, token] of round) {
      await this.db
        .deleteFrom("search_outbox")
        .where("document_id", "=", documentId)
        .where("token", "=", token)
        .execute();
    }
  }

  /** Up to `limit` waiting documents, oldest first. */
  async waiting(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("search_outbox")
      .select("document_id")
      .orderBy("queued_at")
      .orderBy("document_id")
      .limit(limit)
      .execute();
    return rows.map((r) => r.document_id);
  }

  /** How many documents wait. */
  async size(): Promise<number> {
    const row = await this.db
      .selectFrom("search_outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
