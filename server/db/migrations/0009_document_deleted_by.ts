import type { Kysely } from "kysely";

/** Who moved a document to the trash: the people who had it open are told by name. */
export function documentDeletedByMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("documents")
        .addColumn("deleted_by", "text", (c) => c.references("users.id").onDelete("set null"))
        .execute();
    },
  };
}
