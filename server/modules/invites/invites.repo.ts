import type { Role } from "../../../shared/roles";
import type { Db } from "../../db/database";
import { newId } from "../../ids";

/** An invitation with the name of the person who created it. */
export interface InviteRow {
  id: string;
  role: string;
  created_at: string;
  expires_at: string;
  created_by_name: string;
}

/** An invitation looked up by its token, with what the invitee may see. */
export interface InviteByToken {
  id: string;
  workspace_id: string;
  workspace_name: string;
  role: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface NewInvite {
  tokenHash: string;
  workspaceId: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertInvite(db: Db, invite: NewInvite): Promise<string> {
  const id = newId();
  await db
    .insertInto("invites")
    .values({
      id,
      token_hash: invite.tokenHash,
      workspace_id: invite.workspaceId,
      role: invite.role,
      created_by: invite.createdBy,
      created_at: invite.createdAt,
      expires_at: invite.expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    })
    .execute();
  return id;
}

const inviteColumns = [
  "invites.id",
  "invites.role",
  "invites.created_at",
  "invites.expires_at",
  "users.name as created_by_name",
] as const;

/** Invitations that can still be accepted (not used, not revoked, not expired), newest first. */
export function listOpenInvites(db: Db, workspaceId: string, now: string): Promise<InviteRow[]> {
  return db
    .selectFrom("invites")
    .innerJoin("users", "users.id", "invites.created_by")
    .select(inviteColumns)
    .where("invites.workspace_id", "=", workspaceId)
    .where("invites.used_at", "is", null)
    .where("invites.revoked_at", "is", null)
    .where("invites.expires_at", ">", now)
    .orderBy("invites.created_at", "desc")
    .orderBy("invites.id")
    .execute();
}

export function findInviteById(
  db: Db,
  workspaceId: string,
  inviteId: string,
): Promise<InviteRow | undefined> {
  return db
    .selectFrom("invites")
    .innerJoin("users", "users.id", "invites.created_by")
    .select(inviteColumns)
    .where("invites.workspace_id", "=", workspaceId)
    .where("invites.id", "=", inviteId)
    .executeTakeFirst();
}

export function findInviteByTokenHash(db: Db, tokenHash: string): Promise<InviteByToken | undefined> {
  return db
    .selectFrom("invites")
    .innerJoin("workspaces", "workspaces.id", "invites.workspace_id")
    .select([
      "invites.id",
      "invites.workspace_id",
      "workspaces.name as workspace_name",
      "invites.role",
      "invites.expires_at",
      "invites.used_at",
      "invites.revoked_at",
    ])
    .where("invites.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Revokes an open invitation of the workspace; false when there is none to revoke. */
export async function revokeInvite(
  db: Db,
  workspaceId: string,
  inviteId: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ revoked_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks an invitation used, only if it is still open: the single-use guarantee is this one
 * conditional update, so two people accepting at once cannot both succeed.
 */
export async function consumeInvite(db: Db, inviteId: string, userId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ used_at: now, used_by: userId })
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
