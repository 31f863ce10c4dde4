import type { Db } from "../../db/database";
import { newId, nowIso } from "../../ids";

export interface SynonymRow {
  id: string;
  workspaceId: string;
  terms: string[];
  updatedAt: string;
}

function toRow(r: { id: string; workspace_id: string; terms: string; updated_at: string }): SynonymRow {
  return { id: r.id, workspaceId: r.workspace_id, terms: JSON.parse(r.terms) as string[], updatedAt: r.updated_at };
}

/** The workspace's groups, oldest first. */
export async function listSynonyms(db: Db, workspaceId: string): Promise<SynonymRow[]> {
  const rows = await db
    .selectFrom("search_synonyms")
    .select(["id", "workspace_id", "terms", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toRow);
}

export async function findSynonym(db: Db, id: string): Promise<SynonymRow | undefined> {
  const row = await db
    .selectFrom("search_synonyms")
    .select(["id", "workspace_id", "terms", "updated_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toRow(row);
}

export async function insertSynonym(db: Db, workspaceId: string, terms: string[], userId: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("search_synonyms")
    .values({
      id,
      workspace_id: workspaceId,
      terms: JSON.stringify(terms),
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateSynonym(db: Db, id: string, terms: string[]): Promise<void> {
  await db
    .updateTable("search_synonyms")
    .set({ terms: JSON.stringify(terms), updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

export async function deleteSynonym(db: Db, id: string): Promise<void> {
  await db.deleteFrom("search_synonyms").where("id", "=", id).execute();
}
