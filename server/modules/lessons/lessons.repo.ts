import type { LessonQuery } from "../../../shared/schemas/lessons";
import type { Db } from "../../db/database";
import { nowIso } from "../../ids";

/** A lesson row joined with its document, author and themes, ready for the presenter. */
export interface LessonRecord {
  id: string;
  workspace_id: string;
  kind: string;
  text: string;
  status: string;
  previous_status: string | null;
  created_at: string;
  updated_at: string;
  document_id: string;
  document_title: string;
  document_kind: string;
  municipality: string | null;
  is_centre_city: number | null;
  outcome: string | null;
  author_id: string | null;
  author_name: string | null;
  themes: Array<{ id: string; name: string }>;
  stances: Array<{ user_id: string; user_name: string; stance: string; reason: string; updated_at: string }>;
}

/** The live lessons of a workspace that match the filters, in document order. */
export async function queryLessons(db: Db, workspaceId: string, filters: LessonQuery & { id?: string }) {
  let q = db
    .selectFrom("lessons")
    .innerJoin("documents", "documents.id", "lessons.document_id")
    .leftJoin("users", "users.id", "lessons.created_by")
    .select([
      "lessons.id",
      "lessons.workspace_id",
      "lessons.kind",
      "lessons.text",
      "lessons.status",
      "lessons.previous_status",
      "lessons.created_at",
      "lessons.updated_at",
      "lessons.document_id",
      "documents.title as document_title",
      "documents.kind as document_kind",
      "documents.municipality",
      "documents.is_centre_city",
      "documents.outcome",
      "users.id as author_id",
      "users.name as author_name",
    ])
    .where("lessons.workspace_id", "=", workspaceId)
    .where("lessons.deleted_at", "is", null)
    .where("documents.deleted_at", "is", null);
  if (filters.id) q = q.where("lessons.id", "=", filters.id);
  if (filters.kind?.length) q = q.where("lessons.kind", "in", filters.kind);
  if (filters.status?.length) q = q.where("lessons.status", "in", filters.status);
  if (filters.case?.length) q = q.where("lessons.document_id", "in", filters.case);
  if (filters.outcome?.length) q = q.where("documents.outcome", "in", filters.outcome);
  if (filters.centreCity) q = q.where("documents.is_centre_city", "=", Number(filters.centreCity));
  if (filters.theme?.length) {
    const themes = filters.theme;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("lesson_themes")
          .select("lesson_themes.lesson_id")
          .whereRef("lesson_themes.lesson_id", "=", "lessons.id")
          .where("lesson_themes.theme_id", "in", themes),
      ),
    );
  }
  if (filters.q) {
    // Wildcards are dropped rather than escaped: LIKE escaping differs between the dialects.
    const needle = `%${filters.q.toLowerCase().replace(/[\\%_]/g, "")}%`;
    q = q.where((eb) => eb(eb.fn("lower", ["lessons.text"]), "like", needle));
  }
  const rows = await q.orderBy("documents.title").orderBy("lessons.position").execute();
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const themeRows = await db
    .selectFrom("lesson_themes")
    .innerJoin("themes", "themes.id", "lesson_themes.theme_id")
    .select(["lesson_themes.lesson_id", "themes.id", "themes.name", "themes.position"])
    .where("lesson_themes.lesson_id", "in", ids)
    .orderBy("themes.position")
    .execute();
  const stanceRows = await db
    .selectFrom("lesson_stances")
    .innerJoin("users", "users.id", "lesson_stances.user_id")
    .select([
      "lesson_stances.lesson_id",
      "lesson_stances.user_id",
      "users.name as user_name",
      "lesson_stances.stance",
      "lesson_stances.reason",
      "lesson_stances.updated_at",
    ])
    .where("lesson_stances.lesson_id", "in", ids)
    .orderBy("lesson_stances.updated_at")
    .execute();
  const themesByLesson = groupBy(themeRows, (t) => t.lesson_id);
  const stancesByLesson = groupBy(stanceRows, (s) => s.lesson_id);
  return rows.map(
    (r): LessonRecord => ({
      ...r,
      themes: (themesByLesson.get(r.id) ?? []).map((t) => ({ id: t.id, name: t.name })),
      stances: stancesByLesson.get(r.id) ?? [],
    }),
  );
}

export function findLessonRow(db: Db, lessonId: string) {
  return db.selectFrom("lessons").selectAll().where("id", "=", lessonId).executeTakeFirst();
}

export async function setLessonStatus(db: Db, lessonId: string, status: string, previous: string, userId: string) {
  const now = nowIso();
  await db
    .updateTable("lessons")
    .set({ status, previous_status: previous, status_changed_by: userId, status_changed_at: now, updated_at: now })
    .where("id", "=", lessonId)
    .execute();
}

export async function upsertStance(db: Db, lessonId: string, userId: string, stance: string, reason: string) {
  const now = nowIso();
  await db
    .insertInto("lesson_stances")
    .values({ lesson_id: lessonId, user_id: userId, stance, reason, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(["lesson_id", "user_id"]).doUpdateSet({ stance, reason, updated_at: now }))
    .execute();
}

export async function deleteStance(db: Db, lessonId: string, userId: string) {
  await db.deleteFrom("lesson_stances").where("lesson_id", "=", lessonId).where("user_id", "=", userId).execute();
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
