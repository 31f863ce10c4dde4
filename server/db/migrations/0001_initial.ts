import type { Kysely } from "kysely";
import { columnTypes, type DialectName } from "../dialect-types";

export function initialMigration(dialect: DialectName) {
  const types = columnTypes(dialect);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull().defaultTo("nl"))
        .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

      await db.schema
        .createTable("workspaces")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("period", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("memberships")
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("memberships_pk", ["workspace_id", "user_id"])
        .execute();
      await db.schema.createIndex("memberships_user_idx").on("memberships").column("user_id").execute();

      await db.schema
        .createTable("invites")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .addColumn("used_by", "text", (c) => c.references("users.id"))
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("invites_workspace_idx").on("invites").column("workspace_id").execute();

      await db.schema
        .createTable("documents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("municipality", "text")
        .addColumn("is_centre_city", "integer")
        .addColumn("outcome", "text")
        .addColumn("meeting_date", "text")
        .addColumn("meeting_place", "text")
        .addColumn("plain_text", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("deleted_at", "text")
        .execute();
      await db.schema
        .createIndex("documents_workspace_idx")
        .on("documents")
        .columns(["workspace_id", "kind", "updated_at"])
        .execute();

      await db.schema
        .createTable("document_updates")
        .addColumn("id", types.autoIncrementId, (c) =>
          types.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn("document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
        .addColumn("data", types.binary, (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("document_updates_doc_idx")
        .on("document_updates")
        .columns(["document_id", "id"])
        .execute();

      await db.schema
        .createTable("document_states")
        .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id").onDelete("cascade"))
        .addColumn("state", types.binary, (c) => c.notNull())
        .addColumn("last_update_id", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
