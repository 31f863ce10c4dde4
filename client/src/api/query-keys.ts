/**
 * TanStack Query keys, in one place so features invalidate each other's data correctly.
 * Everything about a workspace starts with ["workspaces", id], so invalidating that prefix refreshes it all.
 */
export const queryKeys = {
  me: ["me"] as const,
  workspaces: ["workspaces"] as const,
  workspace: (workspaceId: string) => ["workspaces", workspaceId] as const,
  members: (workspaceId: string) => ["workspaces", workspaceId, "members"] as const,
  invites: (workspaceId: string) => ["workspaces", workspaceId, "invites"] as const,
  invitePreview: (token: string) => ["invitation", token] as const,
};
