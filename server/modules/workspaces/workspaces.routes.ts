import { createWorkspaceRequest, updateWorkspaceRequest } from "../../../shared/schemas/workspaces";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { jsonBody } from "../../http/validate";
import { presentWorkspace } from "./workspace.presenter";
import type { WorkspacesService } from "./workspaces.service";

/** GET/POST /api/workspaces, GET/PATCH /api/workspaces/:id. */
export function workspacesRoutes(workspaces: WorkspacesService): ApiModule {
  return (app) => {
    app.get("/api/workspaces", async (c) => {
      const rows = await workspaces.listMine(requireUser(c.var.user));
      return c.json({ workspaces: rows.map(presentWorkspace) });
    });

    app.post("/api/workspaces", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, createWorkspaceRequest);
      return c.json({ workspace: presentWorkspace(await workspaces.create(user, body)) }, 201);
    });

    app.get("/api/workspaces/:id", async (c) => {
      const row = await workspaces.get(requireUser(c.var.user), c.req.param("id"));
      return c.json({ workspace: presentWorkspace(row) });
    });

    app.patch("/api/workspaces/:id", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, updateWorkspaceRequest);
      return c.json({ workspace: presentWorkspace(await workspaces.update(user, c.req.param("id"), body)) });
    });
  };
}
