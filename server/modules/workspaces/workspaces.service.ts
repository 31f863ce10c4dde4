import type { CreateWorkspaceRequest, UpdateWorkspaceRequest } from "../../../shared/schemas/workspaces";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { forbidden, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { mayCreateWorkspaces } from "../account/user.presenter";
import {
  findWorkspaceOf,
  insertWorkspace,
  listWorkspacesOf,
  updateWorkspace,
  type WorkspaceWithRole,
} from "./workspaces.repo";

/** Workspaces: create (creator becomes facilitator), list mine, view, rename. */
export class WorkspacesService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
  ) {}

  listMine(user: SessionUser): Promise<WorkspaceWithRole[]> {
    return listWorkspacesOf(this.db, user.id);
  }

  /** Admins and facilitators may create workspaces; anyone else gets 403. */
  async create(user: SessionUser, input: CreateWorkspaceRequest): Promise<WorkspaceWithRole> {
    if (!(await mayCreateWorkspaces(this.db, user))) {
      throw forbidden("Only administrators and facilitators may create workspaces.");
    }
    const id = await this.db
      .transaction()
      .execute((trx) => insertWorkspace(trx, input, user.id, "facilitator"));
    return this.mustFind(id, user);
  }

  async get(user: SessionUser, workspaceId: string): Promise<WorkspaceWithRole> {
    await this.access.requireWorkspace(user, workspaceId, "workspace.read");
    return this.mustFind(workspaceId, user);
  }

  async update(
    user: SessionUser,
    workspaceId: string,
    change: UpdateWorkspaceRequest,
  ): Promise<WorkspaceWithRole> {
    await this.access.requireWorkspace(user, workspaceId, "workspace.update");
    await updateWorkspace(this.db, workspaceId, change);
    return this.mustFind(workspaceId, user);
  }

  private async mustFind(workspaceId: string, user: SessionUser): Promise<WorkspaceWithRole> {
    const row = await findWorkspaceOf(this.db, workspaceId, user.id);
    if (!row) throw notFound("Workspace");
    return row;
  }
}
