import type { Db } from "../../db/database";
import { nowIso } from "../../ids";
import { selectLiveLessons } from "../lessons/live-lessons.query";

/** A validated (or in-handbook) lesson on a theme, with the document it cites. */
export interface HandbookLessonRow {
  id: string;
  kind: string;
  text: string;
  status: string;
  theme_id: string;
  document_id: string;
  document_title: string;
  municipality: string | null;
}

/** The stored chapter order, or `stored: false` when the facilitator never saved one. */
export async function findOutline(
  db: Db,
  workspaceId: string,
): Promise<{ stored: boolean; themeIds: string[] }> {
  const outline = await db
    .selectFrom("handbook_outlines")
    .select("workspace_id")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!outline) return { stored: false, themeIds: [] };
  const rows = await db
    .selectFrom("handbook_chapters")
    .select("theme_id")
    .where("workspace_id", "=", workspaceId)
    .orderBy("position")
    .execute();
  return { stored: true, themeIds: rows.map((r) => r.theme_id) };
}

/** Replaces the chapter order in one transaction. */
export async function saveOutline(db: Db, workspaceId: string, themeIds: readonly string[], userId: string) {
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx
      .insertInto("handbook_outlines")
      .values({ workspace_id: workspaceId, updated_by: userId, updated_at: now })
      .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ updated_by: userId, updated_at: now }))
      .execute();
    await trx.deleteFrom("handbook_chapters").where("workspace_id", "=", workspaceId).execute();
    for (const [position, themeId] of themeIds.entries()) {
      await trx
        .insertInto("handbook_chapters")
        .values({ workspace_id: workspaceId, theme_id: themeId, position })
        .execute();
    }
  });
}

/** The live chapter documents of the workspace linked to a theme, oldest first. */
export function findChapterDocuments(db: Db, workspaceId: string) {
  return db
    .selectFrom("chapter_themes")
    .innerJoin("documents", "documents.id", "chapter_themes.document_id")
    .select(["documents.id", "documents.title", "documents.updated_at", "chapter_themes.theme_id"])
    .where("documents.workspace_id", "=", workspaceId)
    .where("documents.kind", "=", "chapter")
    .where("documents.deleted_at", "is", null)
    .orderBy("documents.created_at")
    .orderBy("documents.id")
    .execute();
}

export async function findChapterTheme(db: Db, documentId: string): Promise<string | null> {
  const row = await db
    .selectFrom("chapter_themes")
    .select("theme_id")
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  return row?.theme_id ?? null;
}

export async function setChapterTheme(db: Db, documentId: string, themeId: string | null): Promise<void> {
  if (themeId === null) {
    await db.deleteFrom("chapter_themes").where("document_id", "=", documentId).execute();
    return;
  }
  await db
    .insertInto("chapter_themes")
    .values({ document_id: documentId, theme_id: themeId })
    .onConflict((oc) => oc.column("document_id").doUpdateSet({ theme_id: themeId }))
    .execute();
}

/** The live validated and in-handbook lessons on these themes, by source document title and position. */
export function findHandbookLessons(
  db: Db,
  workspaceId: string,
  themeIds: readonly string[],
): Promise<HandbookLessonRow[]> {
  if (themeIds.length === 0) return Promise.resolve([]);
  return selectLiveLessons(db)
    .innerJoin("lesson_themes", "lesson_themes.lesson_id", "lessons.id")
    .select("lesson_themes.theme_id")
    .where("lessons.workspace_id", "=", workspaceId)
    .where("lessons.status", "in", ["validated", "in_handbook"])
    .where("lesson_themes.theme_id", "in", [...themeIds])
    .orderBy("documents.title")
    .orderBy("lessons.document_id")
    .orderBy("lessons.position")
    .orderBy("lessons.id")
    .execute();
}

/** The live recommendation documents of the workspace, by title. */
export function findRecommendations(db: Db, workspaceId: string) {
  return db
    .selectFrom("documents")
    .select(["id", "title", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .where("kind", "=", "recommendation")
    .where("deleted_at", "is", null)
    .orderBy("title")
    .orderBy("id")
    .execute();
}

export function findWorkspace(db: Db, workspaceId: string) {
  return db
    .selectFrom("workspaces")
    .select(["name", "period"])
    .where("id", "=", workspaceId)
    .executeTakeFirstOrThrow();
}
