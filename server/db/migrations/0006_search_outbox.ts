import type { Kysely } from "kysely";

/**
 * The search outbox: one row per document whose search entries are not yet confirmed by the engine.
 * `token` changes each time the document is queued again, so confirming an older round never drops a
 * newer one. No foreign key: a row must outlive its document's trash or removal until the index heard of it.
 */
export function searchOutboxMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("search_outbox")
        .addColumn("document_id", "text", (c) => c.primaryKey())
        .addColumn("token", "text", (c) => c.notNull())
        .addColumn("queued_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
