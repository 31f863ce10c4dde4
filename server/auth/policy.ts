import type { Role } from "../../shared/roles";

/**
 * What each workspace role may do — written once, applied to every route and socket.
 * A route names its action; `can` answers from this table and nothing else.
 */
export const policy = {
  "workspace.read": ["facilitator", "editor", "commenter", "viewer"],
  "workspace.update": ["facilitator"],
  "members.read": ["facilitator", "editor", "commenter", "viewer"],
  "members.manage": ["facilitator"],
  "invites.manage": ["facilitator"],
  "document.read": ["facilitator", "editor", "commenter", "viewer"],
  "document.create": ["facilitator", "editor"],
  "document.update": ["facilitator", "editor"],
  "document.trash": ["facilitator", "editor"],
  "document.editText": ["facilitator", "editor"],
  "comment.read": ["facilitator", "editor", "commenter", "viewer"],
  "comment.write": ["facilitator", "editor", "commenter"],
  "comment.moderate": ["facilitator", "editor"],
  "lesson.read": ["facilitator", "editor", "commenter", "viewer"],
  "lesson.weigh": ["facilitator", "editor", "commenter"],
  "lesson.setStatus": ["facilitator"],
  "theme.manage": ["facilitator"],
  "handbook.compile": ["facilitator"],
  "handbook.read": ["facilitator", "editor", "commenter", "viewer"],
  "lesson.markMinimum": ["facilitator"],
  "lesson.tickMinimum": ["facilitator", "editor"],
  "comparison.read": ["facilitator", "editor", "commenter", "viewer"],
  "comparison.save": ["facilitator", "editor"],
  "evidence.manage": ["facilitator", "editor"],
  "search.query": ["facilitator", "editor", "commenter", "viewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof policy;

export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && (policy[action] as readonly Role[]).includes(role);
}
