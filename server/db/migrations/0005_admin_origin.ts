import type { Kysely } from "kysely";

/**
 * Remembers which account the start-up bootstrap created as the administrator, so ADMIN_EMAIL can
 * restore that account's role but never promote an account someone else registered.
 */
export function adminOriginMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("users")
        .addColumn("created_as_admin", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      // Until now only the bootstrap set is_admin: the administrators of an existing database stay accepted.
      await db.updateTable("users").set({ created_as_admin: 1 }).where("is_admin", "=", 1).execute();
    },
  };
}
