import type { Db } from "../../db/database";
import { nowIso } from "../../ids";
import { selectLiveLessons } from "../lessons/live-lessons.query";

export async function markMinimum(db: Db, lessonId: string, userId: string): Promise<void> {
  await db
    .insertInto("lesson_minimums")
    .values({ lesson_id: lessonId, marked_by: userId, marked_at: nowIso() })
    .onConflict((oc) => oc.column("lesson_id").doNothing())
    .execute();
}

export async function unmarkMinimum(db: Db, lessonId: string): Promise<void> {
  await db.deleteFrom("lesson_minimums").where("lesson_id", "=", lessonId).execute();
}

export async function isMinimum(db: Db, lessonId: string): Promise<boolean> {
  return !!(await db
    .selectFrom("lesson_minimums")
    .select("lesson_id")
    .where("lesson_id", "=", lessonId)
    .executeTakeFirst());
}

/** Ticks a minimum lesson off for the group (or opens it again with userId null). False when it is no minimum. */
export async function setMinimumDone(db: Db, lessonId: string, userId: string | null): Promise<boolean> {
  const result = await db
    .updateTable("lesson_minimums")
    .set({ done_by: userId, done_at: userId ? nowIso() : null })
    .where("lesson_id", "=", lessonId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Who ticked these minimum lessons off, and when (ticked ones only). */
export async function minimumDone(
  db: Db,
  lessonIds: string[],
): Promise<Map<string, { by: string; at: string }>> {
  const done = new Map<string, { by: string; at: string }>();
  if (lessonIds.length === 0) return done;
  const rows = await db
    .selectFrom("lesson_minimums")
    .leftJoin("users", "users.id", "lesson_minimums.done_by")
    .select(["lesson_minimums.lesson_id", "lesson_minimums.done_at", "users.name"])
    .where("lesson_minimums.lesson_id", "in", lessonIds)
    .where("lesson_minimums.done_at", "is not", null)
    .execute();
  for (const r of rows) done.set(r.lesson_id, { by: r.name ?? "", at: r.done_at as string });
  return done;
}

/** The live `do` lessons marked as the minimum, with their documents and themes. */
export async function findMinimumLessons(db: Db, workspaceId: string) {
  const lessons = await selectLiveLessons(db)
    .innerJoin("lesson_minimums", "lesson_minimums.lesson_id", "lessons.id")
    .where("lessons.workspace_id", "=", workspaceId)
    .where("lessons.kind", "=", "do")
    .orderBy("documents.title")
    .orderBy("lessons.position")
    .orderBy("lessons.id")
    .execute();
  const themes = lessons.length
    ? await db
        .selectFrom("lesson_themes")
        .select(["lesson_id", "theme_id"])
        .where(
          "lesson_id",
          "in",
          lessons.map((l) => l.id),
        )
        .execute()
    : [];
  return { lessons, themes };
}
