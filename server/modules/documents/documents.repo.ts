import type { Insertable, Selectable, Updateable } from "kysely";
import type { DocumentKind } from "../../../shared/schemas/documents";
import type { Db } from "../../db/database";
import type { DocumentsTable } from "../../db/schema";

/** A document row with the names of its author and last editor. */
export interface DocumentRecord extends Selectable<DocumentsTable> {
  created_by_name: string;
  updated_by_name: string;
  deleted_by_name: string | null;
}

/** SQL access for documents; nothing here decides who may do what. */
export class DocumentRepository {
  constructor(private readonly db: Db) {}

  private selectWithNames() {
    return this.db
      .selectFrom("documents as d")
      .innerJoin("users as creator", "creator.id", "d.created_by")
      .innerJoin("users as editor", "editor.id", "d.updated_by")
      .leftJoin("users as trasher", "trasher.id", "d.deleted_by")
      .selectAll("d")
      .select([
        "creator.name as created_by_name",
        "editor.name as updated_by_name",
        "trasher.name as deleted_by_name",
      ]);
  }

  async find(id: string): Promise<DocumentRecord | undefined> {
    return this.selectWithNames().where("d.id", "=", id).executeTakeFirst();
  }

  /** The workspace's live (or trashed) documents, newest edit first; the caller orders by kind. */
  async list(
    workspaceId: string,
    options: { trashed: boolean; kind?: DocumentKind },
  ): Promise<DocumentRecord[]> {
    let query = this.selectWithNames().where("d.workspace_id", "=", workspaceId);
    query = options.trashed
      ? query.where("d.deleted_at", "is not", null)
      : query.where("d.deleted_at", "is", null);
    if (options.kind) query = query.where("d.kind", "=", options.kind);
    return query.orderBy("d.updated_at", "desc").orderBy("d.id").execute();
  }

  /** Inserts the document and its first Y.Doc update in one transaction. */
  async insert(row: Insertable<DocumentsTable>, initialUpdate: Uint8Array): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("documents").values(row).execute();
      await trx
        .insertInto("document_updates")
        .values({ document_id: row.id, data: initialUpdate, created_at: row.created_at })
        .execute();
    });
  }

  async update(id: string, changes: Updateable<DocumentsTable>): Promise<void> {
    await this.db.updateTable("documents").set(changes).where("id", "=", id).execute();
  }
}
