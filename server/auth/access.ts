import { type Role, roles } from "../../shared/roles";
import type { Db } from "../db/database";
import { AppError, forbidden, notFound, unauthorized } from "../errors";
import type { SessionUser } from "../http/app-env";
import { type Action, can } from "./policy";

/** Answers "may this user do this here?" from memberships and the policy table. */
export class AccessControl {
  constructor(private readonly db: Db) {}

  /** The user's role in a workspace, or undefined when they are not a member. */
  async roleIn(workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row && (roles as readonly string[]).includes(row.role) ? (row.role as Role) : undefined;
  }

  /**
   * Throws unless the user may do `action` in the workspace: 401 without a user, 404 for a
   * workspace they are not in (its existence is not revealed), 403 when their role may not.
   */
  async requireWorkspace(user: SessionUser | undefined, workspaceId: string, action: Action): Promise<Role> {
    if (!user) throw unauthorized();
    const role = await this.roleIn(workspaceId, user.id);
    if (!role) throw notFound("Workspace");
    if (!can(role, action)) throw forbidden(`Your role (${role}) may not do this.`);
    return role;
  }

  /** Like requireWorkspace, for a document: resolves its workspace first; trashed documents still resolve. */
  async requireDocument(
    user: SessionUser | undefined,
    documentId: string,
    action: Action,
  ): Promise<{ role: Role; workspaceId: string }> {
    if (!user) throw unauthorized();
    const doc = await this.db
      .selectFrom("documents")
      .select("workspace_id")
      .where("id", "=", documentId)
      .executeTakeFirst();
    if (!doc) throw notFound("Document");
    try {
      const role = await this.requireWorkspace(user, doc.workspace_id, action);
      return { role, workspaceId: doc.workspace_id };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Document");
      throw error;
    }
  }
}
