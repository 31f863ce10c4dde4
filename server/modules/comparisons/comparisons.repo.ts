import type { Db } from "../../db/database";
import type { ComparisonsTable } from "../../db/schema";
import { newId, nowIso } from "../../ids";

/** A case document as a comparison column. */
export interface CaseRow {
  id: string;
  title: string;
  municipality: string | null;
  is_centre_city: number | null;
  outcome: string | null;
}

/** A live lesson of one of the compared cases, with one of its themes (a lesson with two themes gives two rows). */
export interface CaseLessonRow {
  id: string;
  document_id: string;
  kind: string;
  text: string;
  status: string;
  theme_id: string;
}

export type ComparisonRecord = ComparisonsTable & { created_by_name: string };

/** The live case documents of the workspace among these ids (in no particular order). */
export function findCases(db: Db, workspaceId: string, ids: readonly string[]): Promise<CaseRow[]> {
  return db
    .selectFrom("documents")
    .select(["id", "title", "municipality", "is_centre_city", "outcome"])
    .where("workspace_id", "=", workspaceId)
    .where("kind", "=", "case")
    .where("deleted_at", "is", null)
    .where("id", "in", [...ids])
    .execute();
}

/** The live lessons of these documents on live themes, in document order. */
export function findCaseLessons(db: Db, documentIds: readonly string[]): Promise<CaseLessonRow[]> {
  return db
    .selectFrom("lessons")
    .innerJoin("lesson_themes", "lesson_themes.lesson_id", "lessons.id")
    .select([
      "lessons.id",
      "lessons.document_id",
      "lessons.kind",
      "lessons.text",
      "lessons.status",
      "lesson_themes.theme_id",
    ])
    .where("lessons.document_id", "in", [...documentIds])
    .where("lessons.deleted_at", "is", null)
    .orderBy("lessons.position")
    .orderBy("lessons.id")
    .execute();
}

/** The workspace's themes that are neither archived nor merged, by position. */
export function findLiveThemes(db: Db, workspaceId: string) {
  return db
    .selectFrom("themes")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .where("archived_at", "is", null)
    .where("merged_into_id", "is", null)
    .orderBy("position")
    .orderBy("name")
    .execute();
}

function selectComparisons(db: Db) {
  return db
    .selectFrom("comparisons")
    .innerJoin("users", "users.id", "comparisons.created_by")
    .selectAll("comparisons")
    .select("users.name as created_by_name");
}

export function listComparisons(db: Db, workspaceId: string): Promise<ComparisonRecord[]> {
  return selectComparisons(db)
    .where("comparisons.workspace_id", "=", workspaceId)
    .orderBy("comparisons.created_at", "desc")
    .orderBy("comparisons.id")
    .execute();
}

export function findComparison(db: Db, workspaceId: string, id: string): Promise<ComparisonRecord | undefined> {
  return selectComparisons(db)
    .where("comparisons.workspace_id", "=", workspaceId)
    .where("comparisons.id", "=", id)
    .executeTakeFirst();
}

export async function insertComparison(
  db: Db,
  input: { workspaceId: string; name: string; caseIds: readonly string[]; userId: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto("comparisons")
    .values({
      id,
      workspace_id: input.workspaceId,
      name: input.name,
      case_ids: JSON.stringify(input.caseIds),
      created_by: input.userId,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function deleteComparison(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("comparisons")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The stored column order of case ids; a damaged value reads as no cases. */
export function parseCaseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
