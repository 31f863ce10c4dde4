import type { Db } from "../../db/database";

/**
 * Live lessons in live documents, with the lesson and source-document columns that the handbook, the
 * minimum and a recommendation's evidence all show. Callers join what narrows it down and order it.
 */
export function selectLiveLessons(db: Db) {
  return db
    .selectFrom("lessons")
    .innerJoin("documents", "documents.id", "lessons.document_id")
    .select([
      "lessons.id",
      "lessons.kind",
      "lessons.text",
      "lessons.status",
      "lessons.document_id",
      "documents.title as document_title",
      "documents.municipality",
    ])
    .where("lessons.deleted_at", "is", null)
    .where("documents.deleted_at", "is", null);
}
