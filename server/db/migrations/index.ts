import type { Migration } from "kysely";
import type { DialectName } from "../dialect-types";
import { initialMigration } from "./0001_initial";
import { themesLessonsMigration } from "./0002_themes_lessons";
import { commentsMigration } from "./0003_comments";
import { handbookMigration } from "./0004_handbook";
import { adminOriginMigration } from "./0005_admin_origin";
import { searchOutboxMigration } from "./0006_search_outbox";
import { searchSynonymsMigration } from "./0007_search_synonyms";
import { minimumDoneMigration } from "./0008_minimum_done";
import { documentDeletedByMigration } from "./0009_document_deleted_by";
import { documentVersionsMigration } from "./0010_document_versions";
import { mailMigration } from "./0011_mail";
import { commentMailMigration } from "./0012_comment_mail";

/** Every migration, in order; one set for both dialects. Append, never edit a released one. */
export function allMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    "0001_initial": initialMigration(dialect),
    "0002_themes_lessons": themesLessonsMigration(),
    "0003_comments": commentsMigration(),
    "0004_handbook": handbookMigration(),
    "0005_admin_origin": adminOriginMigration(),
    "0006_search_outbox": searchOutboxMigration(),
    "0007_search_synonyms": searchSynonymsMigration(),
    "0008_minimum_done": minimumDoneMigration(),
    "0009_document_deleted_by": documentDeletedByMigration(),
    "0010_document_versions": documentVersionsMigration(dialect),
    "0011_mail": mailMigration(),
    "0012_comment_mail": commentMailMigration(),
  };
}
