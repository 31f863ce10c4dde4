import { z } from "zod";
import { LIMITS } from "../limits";
import {
  emailSchema,
  idSchema,
  passwordSchema,
  personNameSchema,
  requiredSingleLineText,
  roleSchema,
  singleLineText,
} from "./common";

const workspaceName = requiredSingleLineText(LIMITS.workspaceNameMaxLength);

export const createWorkspaceRequest = z.object({
  name: workspaceName,
  description: z.string().max(LIMITS.descriptionMaxLength).optional(),
  period: singleLineText(100).optional(),
});
export type CreateWorkspaceRequest = z.infer<typeof createWorkspaceRequest>;

export const updateWorkspaceRequest = createWorkspaceRequest.partial().strict();
export type UpdateWorkspaceRequest = z.infer<typeof updateWorkspaceRequest>;

export const workspaceSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  period: z.string(),
  /** The caller's role in this workspace. */
  role: roleSchema,
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** GET /api/workspaces → { workspaces }; POST → 201 { workspace }; GET/PATCH /api/workspaces/:id → { workspace } */
export const workspaceListResponse = z.object({ workspaces: z.array(workspaceSchema) });
export const workspaceResponse = z.object({ workspace: workspaceSchema });

export const memberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
/** GET /api/workspaces/:id/members → { members } */
export const memberListResponse = z.object({ members: z.array(memberSchema) });
/** PATCH /api/workspaces/:id/members/:userId { role } → { member }; DELETE → 204 */
export const updateMemberRequest = z.object({ role: roleSchema });

/** POST /api/workspaces/:id/invites { role } → 201 { invite } (token and url only in this answer) */
export const createInviteRequest = z.object({ role: roleSchema });
export const inviteSchema = z.object({
  id: idSchema,
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  createdBy: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;
export const createdInviteResponse = z.object({
  invite: inviteSchema,
  token: z.string(),
  url: z.string(),
});
/** GET /api/workspaces/:id/invites → { invites } (open ones); DELETE /api/workspaces/:id/invites/:inviteId → 204 */
export const inviteListResponse = z.object({ invites: z.array(inviteSchema) });

/** GET /api/invites/:token → what the invitee sees before accepting (404 unknown, 410 used/expired/revoked). */
export const invitePreviewResponse = z.object({
  workspace: z.object({ id: idSchema, name: z.string() }),
  role: roleSchema,
  expiresAt: z.string(),
});

/**
 * POST /api/invites/:token/accept → { workspaceId, user } and a session cookie.
 * A new person sends name, email and password; a logged-in user sends {}.
 */
export const acceptInviteRequest = z.union([
  z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema }),
  z.object({}).strict(),
]);
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequest>;
