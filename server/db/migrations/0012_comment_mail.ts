import type { Kysely } from "kysely";

/**
 * Comment mail: notices waiting to be mailed (one per recipient and message, recorded in the same
 * transaction as the message, grouped into one mail per person by the sweeper); each person's mail
 * preferences (comment mail, digest) with the token of their unsubscribe link; and what people
 * follow (themes and documents), which their digest reports on.
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
        .addColumn("digest", "text", (c) => c.notNull().defaultTo("weekly"))
        .addColumn("last_digest_at", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("follows")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("target_type", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("follows_pk", ["user_id", "target_type", "target_id"])
        .execute();
      await db.schema
        .createIndex("follows_target_idx")
        .on("follows")
        .columns(["target_type", "target_id"])
        .execute();
    },
  };
}
