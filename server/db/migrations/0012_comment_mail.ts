import type { Kysely } from "kysely";

/**
 * Comment mail: notices waiting to be mailed (one per recipient and message, recorded in the same
 * transaction as the message, grouped into one mail per person by the sweeper), and each person's
 * mail preferences with the token of their unsubscribe link.
 */
export function commentMailMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("comment_notices")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("message_id", "text", (c) =>
          c.notNull().references("comment_messages.id").onDelete("cascade"),
        )
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("comment_notices_user_idx")
        .on("comment_notices")
        .columns(["user_id", "created_at"])
        .execute();
      await db.schema
        .createTable("mail_preferences")
        .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("comment_mail", "integer", (c) => c.notNull())
        .addColumn("unsubscribe_token", "text", (c) => c.notNull().unique())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
