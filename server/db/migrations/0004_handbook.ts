import type { Kysely } from "kysely";

/** Saved comparisons, recommendation evidence, the handbook outline and exports, chapter themes, the minimum. */
export function handbookMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("comparisons")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        // JSON array of case document ids, in column order; cases trashed later simply drop out.
        .addColumn("case_ids", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("comparisons_workspace_idx").on("comparisons").column("workspace_id").execute();

      await db.schema
        .createTable("recommendation_evidence")
        .addColumn("recommendation_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
        .addColumn("lesson_id", "text", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("recommendation_evidence_pk", ["recommendation_id", "lesson_id"])
        .execute();
      await db.schema
        .createIndex("recommendation_evidence_lesson_idx")
        .on("recommendation_evidence")
        .column("lesson_id")
        .execute();

      // The nullable theme link of a chapter document: a row here links it, no row means unlinked.
      // A link table rather than a column keeps the documents table (and its inserts) untouched.
      await db.schema
        .createTable("chapter_themes")
        .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id").onDelete("cascade"))
        .addColumn("theme_id", "text", (c) => c.notNull().references("themes.id").onDelete("cascade"))
        .execute();
      await db.schema.createIndex("chapter_themes_theme_idx").on("chapter_themes").column("theme_id").execute();

      // A row means the facilitator stored an outline; without it every live theme is a chapter by position.
      await db.schema
        .createTable("handbook_outlines")
        .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id").onDelete("cascade"))
        .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("handbook_chapters")
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("theme_id", "text", (c) => c.notNull().references("themes.id").onDelete("cascade"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("handbook_chapters_pk", ["workspace_id", "theme_id"])
        .execute();

      await db.schema
        .createTable("handbook_exports")
        // The undo token.
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("undone_at", "text")
        .execute();
      await db.schema
        .createTable("handbook_export_lessons")
        .addColumn("export_id", "text", (c) => c.notNull().references("handbook_exports.id").onDelete("cascade"))
        .addColumn("lesson_id", "text", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
        .addColumn("previous_status", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("handbook_export_lessons_pk", ["export_id", "lesson_id"])
        .execute();

      await db.schema
        .createTable("lesson_minimums")
        .addColumn("lesson_id", "text", (c) => c.primaryKey().references("lessons.id").onDelete("cascade"))
        .addColumn("marked_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("marked_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
