import type { Role } from "../../../shared/roles";
import type { Invite } from "../../../shared/schemas/workspaces";
import type { InviteByToken, InviteRow } from "./invites.repo";

/** An invitation as a facilitator sees it; `createdBy` is the creator's name. The token is never in here. */
export function presentInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    role: row.role as Role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    createdBy: row.created_by_name,
  };
}

/** What the invitee sees before accepting. */
export function presentInvitePreview(row: InviteByToken) {
  return {
    workspace: { id: row.workspace_id, name: row.workspace_name },
    role: row.role as Role,
    expiresAt: row.expires_at,
  };
}
