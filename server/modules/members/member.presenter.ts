import type { Role } from "../../../shared/roles";
import type { Member } from "../../../shared/schemas/workspaces";
import type { MemberRow } from "./members.repo";

/** A member as the API shows it. */
export function presentMember(row: MemberRow): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    joinedAt: row.created_at,
  };
}
