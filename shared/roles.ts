/** Workspace roles, from most to least powerful. */
export const roles = ["facilitator", "editor", "commenter", "viewer"] as const;
export type Role = (typeof roles)[number];

/** Roles whose collaboration sockets may change a document's text. */
export const writerRoles: readonly Role[] = ["facilitator", "editor"];
export const canWriteText = (role: Role): boolean => writerRoles.includes(role);
