import type { Kysely } from "kysely";

/** Comment threads anchored outside the CRDT, their messages and mentions, and per-member read markers. */
export function commentsMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("comment_threads")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
        // "passage", "lesson" or "document".
        .addColumn("target", "text", (c) => c.notNull())
        // Passage threads: base64 Yjs relative positions and the quoted text (kept when the passage goes).
        .addColumn("anchor_start", "text")
        .addColumn("anchor_end", "text")
        .addColumn("quote", "text")
        // Lesson threads: the stable id of the lesson block (no foreign key: the block may come and go).
        .addColumn("lesson_id", "text")
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_activity_at", "text", (c) => c.notNull())
        .addColumn("resolved_at", "text")
        .addColumn("resolved_by", "text", (c) => c.references("users.id"))
        .execute();
      await db.schema
        .createIndex("comment_threads_document_idx")
        .on("comment_threads")
        .column("document_id")
        .execute();
      await db.schema
        .createIndex("comment_threads_workspace_idx")
        .on("comment_threads")
        .columns(["workspace_id", "last_activity_at"])
        .execute();

      await db.schema
        .createTable("comment_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("thread_id", "text", (c) =>
          c.notNull().references("comment_threads.id").onDelete("cascade"),
        )
        .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("edited_at", "text")
        .addColumn("deleted_at", "text")
        .execute();
      await db.schema
        .createIndex("comment_messages_thread_idx")
        .on("comment_messages")
        .columns(["thread_id", "created_at"])
        .execute();

      await db.schema
        .createTable("comment_mentions")
        .addColumn("message_id", "text", (c) =>
          c.notNull().references("comment_messages.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("comment_mentions_pk", ["message_id", "user_id"])
        .execute();
      await db.schema
        .createIndex("comment_mentions_user_idx")
        .on("comment_mentions")
        .column("user_id")
        .execute();

      // Per thread: everything up to read_at is read. Per workspace ("read all"): same, for every thread.
      await db.schema
        .createTable("comment_thread_reads")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("thread_id", "text", (c) =>
          c.notNull().references("comment_threads.id").onDelete("cascade"),
        )
        .addColumn("read_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("comment_thread_reads_pk", ["user_id", "thread_id"])
        .execute();
      await db.schema
        .createTable("comment_workspace_reads")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("read_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("comment_workspace_reads_pk", ["user_id", "workspace_id"])
        .execute();
    },
  };
}
