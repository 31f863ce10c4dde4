import { type FollowTarget, followTarget } from "../../../shared/schemas/follows";
import type { ApiModule } from "../../app-deps";
import type { AccessControl } from "../../auth/access";
import { requireUser } from "../../auth/require-user";
import type { Db } from "../../db/database";
import { conflict, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { jsonBody, parseWith } from "../../http/validate";
import { follow, followsIn, followTargetPlace, unfollow } from "./follows.repo";

/**
 * GET /api/workspaces/:id/follows (mine), PUT /api/follows { targetType, targetId } and
 * DELETE /api/follows/:targetType/:targetId. Any member may follow what they can read; the
 * target's workspace decides, and outsiders get the same 404 as for a target that does not exist.
 */
export function followsRoutes(db: Db, access: AccessControl): ApiModule {
  /** The target's workspace, once the user is a member there. */
  const workspaceOf = async (user: SessionUser, target: FollowTarget) => {
    const what = target.targetType === "theme" ? "Theme" : "Document";
    const place = await followTargetPlace(db, target);
    if (!place || !(await access.roleIn(place.workspaceId, user.id))) throw notFound(what);
    return place;
  };

  return (app) => {
    app.get("/api/workspaces/:id/follows", async (c) => {
      const user = requireUser(c.var.user);
      const workspaceId = c.req.param("id");
      await access.requireWorkspace(user, workspaceId, "workspace.read");
      return c.json(await followsIn(db, user.id, workspaceId));
    });

    app.put("/api/follows", async (c) => {
      const user = requireUser(c.var.user);
      const target = await jsonBody(c, followTarget);
      const place = await workspaceOf(user, target);
      if (place.trashed) throw conflict("A document in the trash cannot be followed.");
      await follow(db, user.id, place.workspaceId, target);
      return c.body(null, 204);
    });

    app.delete("/api/follows/:targetType/:targetId", async (c) => {
      const user = requireUser(c.var.user);
      const target = parseWith(followTarget, {
        targetType: c.req.param("targetType"),
        targetId: c.req.param("targetId"),
      });
      await workspaceOf(user, target);
      await unfollow(db, user.id, target);
      return c.body(null, 204);
    });
  };
}
