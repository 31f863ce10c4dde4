import { workspaceChangesQuery } from "../../../shared/schemas/versions";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { queryParams } from "../../http/validate";
import type { WorkspaceChangesService } from "./workspace-changes";

/** GET /api/workspaces/:id/changes?since=YYYY-MM-DD|ISO — what changed since then, or since the last meeting. */
export function workspaceChangesRoutes(changes: WorkspaceChangesService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/changes", async (c) => {
      const user = requireUser(c.var.user);
      const { since } = queryParams(c, workspaceChangesQuery);
      return c.json(await changes.since(user, c.req.param("id"), since));
    });
  };
}
