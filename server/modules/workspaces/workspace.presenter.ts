import type { Role } from "../../../shared/roles";
import type { Workspace } from "../../../shared/schemas/workspaces";
import type { WorkspaceWithRole } from "./workspaces.repo";

/** A workspace as the API shows it, with the caller's role. */
export function presentWorkspace(row: WorkspaceWithRole): Workspace {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    period: row.period,
    role: row.role as Role,
    createdAt: row.created_at,
  };
}
