import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { ThemesTable } from "../../db/schema";
import { newId, nowIso } from "../../ids";

export type ThemeRow = ThemesTable & { lesson_count: number };

/** The workspace's themes that were not merged away, by position, with how many live lessons carry each. */
export async function listThemes(db: Db, workspaceId: string, includeArchived: boolean): Promise<ThemeRow[]> {
  let q = db
    .selectFrom("themes")
    .selectAll("themes")
    .select((eb) =>
      eb
        .selectFrom("lesson_themes")
        .innerJoin("lessons", "lessons.id", "lesson_themes.lesson_id")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("lesson_themes.theme_id", "=", "themes.id")
        .where("lessons.deleted_at", "is", null)
        .as("lesson_count"),
    )
    .where("workspace_id", "=", workspaceId)
    .where("merged_into_id", "is", null);
  if (!includeArchived) q = q.where("archived_at", "is", null);
  const rows = await q.orderBy("position").orderBy("name").execute();
  return rows.map((r) => ({ ...r, lesson_count: Number(r.lesson_count ?? 0) }));
}

export function findTheme(db: Db, themeId: string): Promise<ThemesTable | undefined> {
  return db.selectFrom("themes").selectAll().where("id", "=", themeId).executeTakeFirst();
}

/** A live (not merged) theme of the workspace with this name, compared without case. */
export function findThemeByName(db: Db, workspaceId: string, name: string): Promise<ThemesTable | undefined> {
  return db
    .selectFrom("themes")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("merged_into_id", "is", null)
    .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`)
    .executeTakeFirst();
}

export async function insertTheme(
  db: Db,
  workspaceId: string,
  input: { name: string; description?: string },
): Promise<string> {
  const last = await db
    .selectFrom("themes")
    .select(sql<number>`max(position)`.as("p"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("themes")
    .values({
      id,
      workspace_id: workspaceId,
      name: input.name,
      description: input.description ?? "",
      position: last?.p == null ? 0 : Number(last.p) + 1,
      archived_at: null,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateTheme(
  db: Db,
  themeId: string,
  change: { name?: string; description?: string; position?: number; archived?: boolean },
): Promise<void> {
  const { archived, ...fields } = change;
  const set: Partial<ThemesTable> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (archived !== undefined) set.archived_at = archived ? nowIso() : null;
  await db
    .updateTable("themes")
    .set({ ...set, updated_at: nowIso() })
    .where("id", "=", themeId)
    .execute();
}

/**
 * Folds one theme into another: its lessons get the target theme, and the source remembers the
 * target so that lesson blocks still naming the source resolve to the target on the next extraction.
 */
export async function mergeTheme(db: Db, sourceId: string, targetId: string): Promise<void> {
  const inTransaction = (work: (trx: Db) => Promise<void>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  await inTransaction(async (trx) => {
    const lessonIds = await trx.selectFrom("lesson_themes").select("lesson_id").where("theme_id", "=", sourceId).execute();
    for (const { lesson_id } of lessonIds) {
      await trx
        .insertInto("lesson_themes")
        .values({ lesson_id, theme_id: targetId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx.deleteFrom("lesson_themes").where("theme_id", "=", sourceId).execute();
    const now = nowIso();
    await trx
      .updateTable("themes")
      .set({ merged_into_id: targetId, updated_at: now })
      .where((eb) => eb.or([eb("id", "=", sourceId), eb("merged_into_id", "=", sourceId)]))
      .execute();
    await trx.updateTable("themes").set({ archived_at: now }).where("id", "=", sourceId).execute();
  });
}

/**
 * For theme ids named in lesson blocks, the live theme each stands for: merged themes resolve to their target;
 * unknown ids and ids of other workspaces are left out of the map.
 */
export async function themeIdResolution(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("themes")
    .select(["id", "merged_into_id"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.merged_into_id ?? r.id]));
}

/** Maps ids through a resolution, dropping unknown ones and repeats. */
export function resolveWith(resolution: Map<string, string>, ids: string[]): string[] {
  return [...new Set(ids.map((id) => resolution.get(id)).filter((id): id is string => !!id))];
}

/** Merged-away theme id → the live theme that absorbed it. */
export async function themeAliases(db: Db, workspaceId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom("themes")
    .select(["id", "merged_into_id"])
    .where("workspace_id", "=", workspaceId)
    .where("merged_into_id", "is not", null)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.merged_into_id as string]));
}
