import type { Kysely } from "kysely";

/** Synonym groups per workspace, kept by facilitators and used by both search engines at index time. */
export function searchSynonymsMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("search_synonyms")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        // JSON array of the words and phrases as the facilitator typed them.
        .addColumn("terms", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("search_synonyms_workspace_idx")
        .on("search_synonyms")
        .column("workspace_id")
        .execute();
    },
  };
}
