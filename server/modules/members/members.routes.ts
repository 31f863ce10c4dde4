import { updateMemberRequest } from "../../../shared/schemas/workspaces";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { jsonBody } from "../../http/validate";
import { presentMember } from "./member.presenter";
import type { MembersService } from "./members.service";

/** GET /api/workspaces/:id/members, PATCH/DELETE /api/workspaces/:id/members/:userId. */
export function membersRoutes(members: MembersService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/members", async (c) => {
      const rows = await members.list(c.var.user, c.req.param("id"));
      return c.json({ members: rows.map(presentMember) });
    });

    app.patch("/api/workspaces/:id/members/:userId", async (c) => {
      const user = requireUser(c.var.user);
      const { role } = await jsonBody(c, updateMemberRequest);
      const row = await members.changeRole(user, c.req.param("id"), c.req.param("userId"), role);
      return c.json({ member: presentMember(row) });
    });

    app.delete("/api/workspaces/:id/members/:userId", async (c) => {
      await members.remove(c.var.user, c.req.param("id"), c.req.param("userId"));
      return c.body(null, 204);
    });
  };
}
