import type { Kysely } from "kysely";

/** Themes, lessons extracted from documents, and how members weigh them. */
export function themesLessonsMigration() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("themes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("archived_at", "text")
        // A merged theme points at the theme that absorbed it; lesson blocks that still name it resolve there.
        .addColumn("merged_into_id", "text", (c) => c.references("themes.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("themes_workspace_idx").on("themes").columns(["workspace_id", "position"]).execute();

      await db.schema
        .createTable("lessons")
        // The stable id of the lesson block inside its document.
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("status", "text", (c) => c.notNull().defaultTo("candidate"))
        .addColumn("previous_status", "text")
        .addColumn("status_changed_by", "text", (c) => c.references("users.id"))
        .addColumn("status_changed_at", "text")
        .addColumn("created_by", "text", (c) => c.references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("deleted_at", "text")
        .execute();
      await db.schema.createIndex("lessons_workspace_idx").on("lessons").columns(["workspace_id", "kind"]).execute();
      await db.schema.createIndex("lessons_document_idx").on("lessons").column("document_id").execute();

      await db.schema
        .createTable("lesson_themes")
        .addColumn("lesson_id", "text", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
        .addColumn("theme_id", "text", (c) => c.notNull().references("themes.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("lesson_themes_pk", ["lesson_id", "theme_id"])
        .execute();
      await db.schema.createIndex("lesson_themes_theme_idx").on("lesson_themes").column("theme_id").execute();

      await db.schema
        .createTable("lesson_stances")
        .addColumn("lesson_id", "text", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("stance", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("lesson_stances_pk", ["lesson_id", "user_id"])
        .execute();
    },
  };
}
