import type { Migration } from "kysely";
import type { DialectName } from "../dialect-types";
import { initialMigration } from "./0001_initial";
import { themesLessonsMigration } from "./0002_themes_lessons";
import { commentsMigration } from "./0003_comments";
import { handbookMigration } from "./0004_handbook";
import { adminOriginMigration } from "./0005_admin_origin";

/** Every migration, in order; one set for both dialects. Append, never edit a released one. */
export function allMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    "0001_initial": initialMigration(dialect),
    "0002_themes_lessons": themesLessonsMigration(),
    "0003_comments": commentsMigration(),
    "0004_handbook": handbookMigration(),
    "0005_admin_origin": adminOriginMigration(),
  };
}
