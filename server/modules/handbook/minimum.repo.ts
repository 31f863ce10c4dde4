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
  return !!(await db.selectFrom("lesson_minimums").select("lesson_id").where("lesson_id", "=", lessonId).executeTakeFirst());
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
        .where("lesson_id", "in", lessons.map((l) => l.id))
        .execute()
    : [];
  return { lessons, themes };
}
