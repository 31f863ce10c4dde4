import type { Kysely } from "kysely";
import { columnTypes, type DialectName } from "../dialect-types";

/**
 * Version history: each version keeps the document's Lexical JSON and plain text, gzipped (`content`),
 * never Yjs bytes — a version is read, compared and restored as text, and its size does not grow with
 * the document's edit history. `contributors` is a JSON array of user ids (who edited since the previous version).
 */
export function documentVersionsMigration(dialect: DialectName) {
  const types = columnTypes(dialect);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("document_versions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text")
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("content", types.binary, (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("contributors", "text", (c) => c.notNull())
        .addColumn("restored_from", "text")
        .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("document_versions_doc_idx")
        .on("document_versions")
        .columns(["document_id", "created_at"])
        .execute();
      // When each person last edited each document: who contributed since a version.
      await db.schema
        .createTable("document_editors")
        .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("edited_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("document_editors_pk", ["document_id", "user_id"])
        .execute();
    },
  };
}
