import type { Role } from "../../../shared/roles";
import type { Db } from "../../db/database";

/** A membership joined with the member's name and email. */
export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: string;
  created_at: string;
}

const memberColumns = [
  "memberships.user_id",
  "users.name",
  "users.email",
  "memberships.role",
  "memberships.created_at",
] as const;

export function listMembers(db: Db, workspaceId: string): Promise<MemberRow[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(memberColumns)
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export function findMember(db: Db, workspaceId: string, userId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(memberColumns)
    .where("memberships.workspace_id", "=", workspaceId)
    .where("memberships.user_id", "=", userId)
    .executeTakeFirst();
}

export async function countFacilitators(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "facilitator")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes the workspace row's write lock inside a transaction (a no-op update), so concurrent
 * membership changes of one workspace run one after the other — on PostgreSQL too, where two
 * read-committed transactions could otherwise each demote "the other" last facilitator.
 */
export async function lockWorkspace(db: Db, workspaceId: string): Promise<void> {
  await db
    .updateTable("workspaces")
    // A non-key column, so inserts that reference the workspace (documents, invites) are not blocked.
    .set((eb) => ({ updated_at: eb.ref("updated_at") }))
    .where("id", "=", workspaceId)
    .execute();
}

export async function setMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db
    .updateTable("memberships")
    .set({ role })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
}

export async function deleteMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .deleteFrom("memberships")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
}

export async function insertMember(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
  at: string,
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: at })
    .execute();
}
