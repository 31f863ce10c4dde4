import type { Db } from "../../db/database";
import { newId, nowIso } from "../../ids";

/**
 * Marks these lessons in_handbook in one transaction and records each one's status before, under
 * a new export id (the undo token). Lessons already in the handbook are left alone and not recorded.
 */
export async function markLessonsInHandbook(
  db: Db,
  input: { workspaceId: string; lessonIds: readonly string[]; userId: string },
): Promise<{ token: string; marked: number }> {
  return db.transaction().execute(async (trx) => {
    const token = newId();
    const now = nowIso();
    await trx
      .insertInto("handbook_exports")
      .values({ id: token, workspace_id: input.workspaceId, created_by: input.userId, created_at: now, undone_at: null })
      .execute();
    const rows = input.lessonIds.length
      ? await trx
          .selectFrom("lessons")
          .select(["id", "status"])
          .where("workspace_id", "=", input.workspaceId)
          .where("id", "in", [...input.lessonIds])
          .where("status", "!=", "in_handbook")
          .execute()
      : [];
    for (const row of rows) {
      await trx.insertInto("handbook_export_lessons").values({ export_id: token, lesson_id: row.id, previous_status: row.status }).execute();
      await trx
        .updateTable("lessons")
        .set({ status: "in_handbook", previous_status: row.status, status_changed_by: input.userId, status_changed_at: now, updated_at: now })
        .where("id", "=", row.id)
        .execute();
    }
    return { token, marked: rows.length };
  });
}

export function findExport(db: Db, workspaceId: string, token: string) {
  return db
    .selectFrom("handbook_exports")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", token)
    .executeTakeFirst();
}

/**
 * Undoes an export mark: each recorded lesson that is still in_handbook gets its status from before
 * back (a lesson someone moved since is left as it is). Returns how many were restored.
 */
export async function undoExportMark(db: Db, token: string, userId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const claimed = await trx
      .updateTable("handbook_exports")
      .set({ undone_at: now })
      .where("id", "=", token)
      .where("undone_at", "is", null)
      .executeTakeFirst();
    // Two undo requests at once: only the one that set undone_at restores.
    if (Number(claimed.numUpdatedRows) === 0) return -1;
    const rows = await trx
      .selectFrom("handbook_export_lessons")
      .innerJoin("lessons", "lessons.id", "handbook_export_lessons.lesson_id")
      .select(["lessons.id", "handbook_export_lessons.previous_status"])
      .where("handbook_export_lessons.export_id", "=", token)
      .where("lessons.status", "=", "in_handbook")
      .execute();
    for (const row of rows) {
      await trx
        .updateTable("lessons")
        .set({ status: row.previous_status, previous_status: "in_handbook", status_changed_by: userId, status_changed_at: now, updated_at: now })
        .where("id", "=", row.id)
        .execute();
    }
    return rows.length;
  });
}
