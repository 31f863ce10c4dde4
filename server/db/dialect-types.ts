import { type ColumnDataType, type Expression, sql } from "kysely";

export type DialectName = "sqlite" | "postgres";

/** Column types whose spelling differs between the two dialects; migrations ask here instead of writing SQL. */
export function columnTypes(dialect: DialectName): {
  binary: ColumnDataType | Expression<unknown>;
  /** Type of an auto-incrementing integer key: PostgreSQL spells it `serial`, SQLite `integer … autoincrement`. */
  autoIncrementId: ColumnDataType;
  autoIncrement: boolean;
} {
  return dialect === "postgres"
    ? { binary: sql`bytea`, autoIncrementId: "serial", autoIncrement: false }
    : { binary: "blob", autoIncrementId: "integer", autoIncrement: true };
}
