import type { Db } from "../../db/database";
import { nowIso } from "../../ids";
import type { ExtractedLesson } from "../../lessons/extract-lessons";
import { yieldToEventLoop } from "../../work-slices";
import { resolveWith, themeIdResolution } from "../themes/themes.repo";

export interface LessonSyncResult {
  /** Lessons created, changed or brought back: their search entries need refreshing. */
  changed: string[];
  /** Lessons whose block disappeared: marked deleted, kept for their status and stances. */
  deleted: string[];
}

/** Lesson blocks compared and written per transaction. */
const BLOCKS_PER_SLICE = 25;

/**
 * Brings the lessons table in line with the lesson blocks of one document. A block keeps its id when it
 * is moved or edited, so its status and stances stay; a removed block marks its lesson deleted.
 *
 * The blocks go in slices, each in its own short transaction, with the event loop running in between:
 * with SQLite a transaction holds the one connection (and the collaboration log's appends wait for it),
 * and its queries never return to the event loop. Each lesson is written whole within one slice.
 */
export async function syncDocumentLessons(
  db: Db,
  input: { workspaceId: string; documentId: string; blocks: ExtractedLesson[]; editorUserId: string | undefined },
): Promise<LessonSyncResult> {
  // Inside a caller's transaction (the demo seeding) the work joins it; otherwise each slice gets its own.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  const now = nowIso();
  const changed: string[] = [];
  for (let start = 0; start < input.blocks.length; start += BLOCKS_PER_SLICE) {
    if (start > 0) await yieldToEventLoop();
    const slice = input.blocks.slice(start, start + BLOCKS_PER_SLICE);
    changed.push(...(await inTransaction((trx) => syncSlice(trx, input, slice, now))));
  }
  if (input.blocks.length > 0) await yieldToEventLoop();
  const deleted = await inTransaction((trx) =>
    markRemovedLessons(
      trx,
      input.documentId,
      input.blocks.map((b) => b.id),
      now,
    ),
  );
  return { changed, deleted };
}

/** Creates or updates the lessons of these blocks; returns the ids that changed. */
async function syncSlice(
  trx: Db,
  input: { workspaceId: string; documentId: string; editorUserId: string | undefined },
  blocks: ExtractedLesson[],
  now: string,
): Promise<string[]> {
  const existing = await trx
    .selectFrom("lessons")
    .selectAll()
    .where(
      "id",
      "in",
      blocks.map((b) => b.id),
    )
    .execute();
  const byId = new Map(existing.map((r) => [r.id, r]));
  // Themes and current theme links for every block of the slice in two queries, not two per block.
  const resolution = await themeIdResolution(trx, input.workspaceId, blocks.flatMap((b) => b.themeIds));
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
  for (const block of blocks) {
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
      const sameThemes = current.length === themeIds.length && current.every((t) => themeIds.includes(t.theme_id));
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
  return changed;
}

/** Marks the document's live lessons whose block is gone deleted; returns their ids. */
async function markRemovedLessons(trx: Db, documentId: string, blockIds: string[], now: string): Promise<string[]> {
  let gone = trx.selectFrom("lessons").select("id").where("document_id", "=", documentId).where("deleted_at", "is", null);
  if (blockIds.length) gone = gone.where("id", "not in", blockIds);
  const deleted = (await gone.execute()).map((r) => r.id);
  if (deleted.length) {
    await trx.updateTable("lessons").set({ deleted_at: now, updated_at: now }).where("id", "in", deleted).execute();
  }
  return deleted;
}
