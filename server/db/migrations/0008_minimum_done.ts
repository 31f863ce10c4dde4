import type { Kysely } from "kysely";

/** Ticks on the minimal version are the group's: who ticked a minimum lesson off, and when (empty: not yet). */
export function minimumDoneMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("lesson_minimums")
        .addColumn("done_by", "text", (c) => c.references("users.id").onDelete("set null"))
        .execute();
      await db.schema.alterTable("lesson_minimums").addColumn("done_at", "text").execute();
    },
  };
}
