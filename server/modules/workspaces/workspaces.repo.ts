import type { Role } from "../../../shared/roles";
import type { Db } from "../../db/database";
import { newId, nowIso } from "../../ids";

/** A workspace together with the caller's role in it. */
export interface WorkspaceWithRole {
  id: string;
  name: string;
  description: string;
  period: string;
  created_at: string;
  role: string;
}

const withRole = ["workspaces.id", "name", "description", "period", "workspaces.created_at", "role"] as const;

/** Every workspace the user is a member of, by name. */
export function listWorkspacesOf(db: Db, userId: string): Promise<WorkspaceWithRole[]> {
  return db
    .selectFrom("workspaces")
    .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
    .select(withRole)
    .where("memberships.user_id", "=", userId)
    .orderBy("name")
    .orderBy("workspaces.id")
    .execute();
}

/** One workspace as seen by a member, or undefined when the user is not in it. */
export function findWorkspaceOf(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceWithRole | undefined> {
  return db
    .selectFrom("workspaces")
    .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
    .select(withRole)
    .where("workspaces.id", "=", workspaceId)
    .where("memberships.user_id", "=", userId)
    .executeTakeFirst();
}

export interface NewWorkspace {
  name: string;
  description?: string;
  period?: string;
}

/** Creates a workspace with its creator as first member; pass a transaction so both or neither exist. */
export async function insertWorkspace(
  db: Db,
  input: NewWorkspace,
  creatorId: string,
  creatorRole: Role,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("workspaces")
    .values({
      id,
      name: input.name,
      description: input.description ?? "",
      period: input.period ?? "",
      created_by: creatorId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("memberships")
    .values({ workspace_id: id, user_id: creatorId, role: creatorRole, created_at: now })
    .execute();
  return id;
}

export async function updateWorkspace(db: Db, id: string, change: Partial<NewWorkspace>): Promise<void> {
  const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await db
    .updateTable("workspaces")
    .set({ ...set, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}
