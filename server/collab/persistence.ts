import { sql } from "kysely";
import * as Y from "yjs";
import type { Db } from "../db/database";
import type { DialectName } from "../db/dialect-types";
import { nowIso } from "../ids";
import { dropPending, pendingBytes } from "./update-check";

/** The first key of the advisory locks that guard folding a document's log (the second is the document's hash). */
const FOLD_LOCK_SPACE = 7_301;

/** A Yjs update with no structs and no deletes: what a probe write appends. */
const EMPTY_UPDATE = Uint8Array.of(0, 0);

/** A document as stored: the compacted state plus the update log after it. */
export interface LoadedDocument {
  doc: Y.Doc;
  /** Highest update id folded into the doc (state row or log). */
  lastUpdateId: number;
  /** Update rows after the compacted state. */
  logLength: number;
  /**
   * Bytes of content with missing dependencies that the stored rows held (written before the
   * server refused such updates) and that were dropped on load; 0 for a clean document.
   */
  droppedPendingBytes: number;
}

/**
 * Storage of Yjs documents: an append-only update log (document_updates) and a compacted state
 * (document_states). Compaction encodes the server's own Y.Doc; it never merges raw client bytes.
 */
export class DocumentStore {
  constructor(
    private readonly db: Db,
    /** Runs the log append; the database adapter may skip waiting for the disk flush (see DatabaseHandle). */
    private readonly appendWrite: <T>(work: (trx: Db) => Promise<T>) => Promise<T> = (work) => work(db),
    /** PostgreSQL takes an advisory lock so that one instance at a time folds a document's log. */
    private readonly dialect: DialectName = "sqlite",
  ) {}

  /**
   * Loads state + the update log in one transaction, so a concurrent compaction cannot split them.
   * Every log row is read, not only those after the state's last id: with several instances
   * appending, a row can commit with a lower id after a compaction folded higher ones (applying a
   * row twice is harmless, skipping one would lose it).
   */
  async load(documentId: string): Promise<LoadedDocument> {
    const { state, updates } = await this.db.transaction().execute(async (trx) => {
      const state = await trx
        .selectFrom("document_states")
        .select(["state", "last_update_id"])
        .where("document_id", "=", documentId)
        .executeTakeFirst();
      const updates = await trx
        .selectFrom("document_updates")
        .select(["id", "data"])
        .where("document_id", "=", documentId)
        .orderBy("id")
        .execute();
      return { state, updates };
    });
    const { doc, lastUpdateId } = applyStored(state, updates);
    const droppedPendingBytes = pendingBytes(doc);
    dropPending(doc);
    return { doc, lastUpdateId, logLength: updates.length, droppedPendingBytes };
  }

  /** Appends one update to the log and returns its id. */
  async append(documentId: string, update: Uint8Array): Promise<number> {
    const row = await this.appendWrite((trx) =>
      trx
        .insertInto("document_updates")
        .values({ document_id: documentId, data: update, created_at: nowIso() })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    return Number(row.id);
  }

  /** A real write of the kind appends make (an empty update), to learn whether writes work again. */
  async probe(documentId: string): Promise<void> {
    await this.append(documentId, EMPTY_UPDATE);
  }

  /** Writes `state` (covering updates up to lastUpdateId) and deletes the folded log rows, atomically. */
  async compact(documentId: string, state: Uint8Array, lastUpdateId: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const now = nowIso();
      await trx
        .insertInto("document_states")
        .values({ document_id: documentId, state, last_update_id: lastUpdateId, updated_at: now })
        .onConflict((oc) =>
          oc.column("document_id").doUpdateSet({ state, last_update_id: lastUpdateId, updated_at: now }),
        )
        .execute();
      await trx
        .deleteFrom("document_updates")
        .where("document_id", "=", documentId)
        .where("id", "<=", lastUpdateId)
        .execute();
    });
  }

  /**
   * Folds the stored log into the state row — what the store holds, never what one instance has in
   * memory, which may lack another instance's latest update. One compactor at a time per document
   * (a PostgreSQL advisory lock held for the transaction; whoever does not get it leaves the work to
   * the one that has it). Only the rows it read are deleted: one that commits meanwhile stays.
   * Whether it folded.
   */
  async foldStored(documentId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === "postgres") {
        const lock = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_xact_lock(${FOLD_LOCK_SPACE}, hashtext(${documentId})) as locked`.execute(
          trx,
        );
        if (!lock.rows[0]?.locked) return false;
      }
      const state = await trx
        .selectFrom("document_states")
        .select(["state", "last_update_id"])
        .where("document_id", "=", documentId)
        .executeTakeFirst();
      const rows = await trx
        .selectFrom("document_updates")
        .select(["id", "data"])
        .where("document_id", "=", documentId)
        .orderBy("id")
        .execute();
      if (rows.length === 0) return false;
      const { doc, lastUpdateId } = applyStored(state, rows);
      dropPending(doc);
      const folded = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const now = nowIso();
      await trx
        .insertInto("document_states")
        .values({ document_id: documentId, state: folded, last_update_id: lastUpdateId, updated_at: now })
        .onConflict((oc) =>
          oc
            .column("document_id")
            .doUpdateSet({ state: folded, last_update_id: lastUpdateId, updated_at: now }),
        )
        .execute();
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .deleteFrom("document_updates")
          .where(
            "id",
            "in",
            rows.slice(i, i + 500).map((row) => row.id),
          )
          .execute();
      }
      return true;
    });
  }

  /** Records who edited a document last (for listings) and when each of `editors` edited (for version contributors). */
  async touch(documentId: string, userId: string, at: string, editors: string[] = [userId]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("documents")
        .set({ updated_by: userId, updated_at: at })
        .where("id", "=", documentId)
        .execute();
      for (const editor of editors) {
        await trx
          .insertInto("document_editors")
          .values({ document_id: documentId, user_id: editor, edited_at: at })
          .onConflict((oc) => oc.columns(["document_id", "user_id"]).doUpdateSet({ edited_at: at }))
          .execute();
      }
    });
  }

  /** The document's workspace and whether it is in the trash; undefined when it does not exist. */
  async findDocument(documentId: string): Promise<{ workspaceId: string; trashed: boolean } | undefined> {
    const row = await this.db
      .selectFrom("documents")
      .select(["workspace_id", "deleted_at"])
      .where("id", "=", documentId)
      .executeTakeFirst();
    return row ? { workspaceId: row.workspace_id, trashed: row.deleted_at !== null } : undefined;
  }
}

/**
 * A Y.Doc of a stored state row plus log rows, and the highest id folded into it. Stored bytes were
 * produced by the server's own Y.Doc, so applying them is trusted work.
 */
function applyStored(
  state: { state: Uint8Array; last_update_id: number } | undefined,
  rows: ReadonlyArray<{ id: number | string | bigint; data: Uint8Array }>,
): { doc: Y.Doc; lastUpdateId: number } {
  const doc = new Y.Doc();
  let lastUpdateId = state?.last_update_id ?? 0;
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, toBytes(state.state));
    for (const row of rows) {
      Y.applyUpdate(doc, toBytes(row.data));
      lastUpdateId = Math.max(lastUpdateId, Number(row.id));
    }
  });
  return { doc, lastUpdateId };
}

/** pg returns Buffer, better-sqlite3 Buffer too; Yjs wants a plain Uint8Array view. */
function toBytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
