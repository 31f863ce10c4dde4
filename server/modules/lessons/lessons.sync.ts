import type { Db } from "../../db/database";
import { nowIso } from "../../ids";
import type { ExtractedLesson } from "../../lessons/extract-lessons";
import { resolveWith, themeIdResolution } from "../themes/themes.repo";

export interface LessonSyncResult {
  /** Lessons created, changed or brought back: their search entries need refreshing. */
  changed: string[];
  /** Lessons whose block disappeared: marked deleted, kept for their status and stances. */
  deleted: string[];
}

/**
 * Brings the lessons table in line with the lesson blocks of one document. A block keeps its id when it
 * is moved or edited, so its status and stances stay; a removed block marks its lesson deleted.
 */
export async function syncDocumentLessons(
  db: Db,
  input: { workspaceId: string; documentId: string; blocks: ExtractedLesson[]; editorUserId: string | undefined },
): Promise<LessonSyncResult> {
  // Inside a caller's transaction (the demo seeding) the work joins it; otherwise it gets its own.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const ids = input.blocks.map((b) => b.id);
    const existing = ids.length
      ? await trx.selectFrom("lessons").selectAll().where("id", "in", ids).execute()
      : [];
    const byId = new Map(existing.map((r) => [r.id, r]));
    // Themes and current theme links for every block in two queries, not two per block.
    const resolution = await themeIdResolution(trx, input.workspaceId, input.blocks.flatMap((b) => b.themeIds));
    const currentLinks = existing.length
      ? await trx
          .selectFrom("lesson_themes")
          .select(["lesson_id", "theme_id"])
          .where(
            "lesson_id",
            "in",
            existing.map((r) => r.id),
          )
          .execute()
      : [];
    const changed: string[] = [];
    const now = nowIso();

    for (const block of input.blocks) {
      const row = byId.get(block.id);
      // An id that already belongs to another document (a copy pasted across documents) is not taken over.
      if (row && row.document_id !== input.documentId) continue;
      const themeIds = resolveWith(resolution, block.themeIds);
      if (!row) {
        await trx
          .insertInto("lessons")
          .values({
            id: block.id,
            workspace_id: input.workspaceId,
            document_id: input.documentId,
            kind: block.kind,
            text: block.text,
            position: block.position,
            status: "candidate",
            previous_status: null,
            status_changed_by: null,
            status_changed_at: null,
            created_by: input.editorUserId ?? null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
        changed.push(block.id);
      } else {
        const current = currentLinks.filter((link) => link.lesson_id === block.id);
        const sameThemes =
          current.length === themeIds.length && current.every((t) => themeIds.includes(t.theme_id));
        const same =
          row.kind === block.kind &&
          row.text === block.text &&
          row.position === block.position &&
          row.deleted_at === null &&
          sameThemes;
        if (same) continue;
        await trx
          .updateTable("lessons")
          .set({ kind: block.kind, text: block.text, position: block.position, deleted_at: null, updated_at: now })
          .where("id", "=", block.id)
          .execute();
        changed.push(block.id);
      }
      await trx.deleteFrom("lesson_themes").where("lesson_id", "=", block.id).execute();
      for (const themeId of themeIds) {
        await trx.insertInto("lesson_themes").values({ lesson_id: block.id, theme_id: themeId }).execute();
      }
    }

    let gone = trx
      .selectFrom("lessons")
      .select("id")
      .where("document_id", "=", input.documentId)
      .where("deleted_at", "is", null);
    if (ids.length) gone = gone.where("id", "not in", ids);
    const deleted = (await gone.execute()).map((r) => r.id);
    if (deleted.length) {
      await trx.updateTable("lessons").set({ deleted_at: now, updated_at: now }).where("id", "in", deleted).execute();
    }
    return { changed, deleted };
  });
}
