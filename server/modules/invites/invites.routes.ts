import { z } from "zod";
import { acceptInviteRequest, createInviteRequest } from "../../../shared/schemas/workspaces";
import type { ApiModule } from "../../app-deps";
import type { ClientIpOf } from "../../auth/client-ip";
import { requireUser } from "../../auth/require-user";
import { type SessionCookieOptions, setSessionCookie } from "../../auth/session-middleware";
import type { Db } from "../../db/database";
import { jsonBody, parseWith } from "../../http/validate";
import { userView } from "../account/user.presenter";
import { presentInvite, presentInvitePreview } from "./invite.presenter";
import type { InvitesService } from "./invites.service";

const newPerson = acceptInviteRequest.options[0];

/** Invitations: managed under a workspace by facilitators; previewed and accepted by token. */
export function invitesRoutes(
  invites: InvitesService,
  db: Db,
  cookie: SessionCookieOptions,
  clientIp: ClientIpOf,
): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/invites", async (c) => {
      const rows = await invites.listOpen(c.var.user, c.req.param("id"));
      return c.json({ invites: rows.map(presentInvite) });
    });

    app.post("/api/workspaces/:id/invites", async (c) => {
      const user = requireUser(c.var.user);
      const { role } = await jsonBody(c, createInviteRequest);
      const created = await invites.create(user, c.req.param("id"), role);
      return c.json({ invite: presentInvite(created.invite), token: created.token, url: created.url }, 201);
    });

    app.delete("/api/workspaces/:id/invites/:inviteId", async (c) => {
      await invites.revoke(c.var.user, c.req.param("id"), c.req.param("inviteId"));
      return c.body(null, 204);
    });

    app.get("/api/invites/:token", async (c) => {
      return c.json(presentInvitePreview(await invites.preview(c.req.param("token"))));
    });

    app.post("/api/invites/:token/accept", async (c) => {
      // Parsed in two steps so a new person's missing or bad field is named (a union would not say which).
      const raw = await jsonBody(c, z.record(z.string(), z.unknown()));
      const person = Object.keys(raw).length === 0 ? undefined : parseWith(newPerson, raw);
      const result = await invites.accept(c.req.param("token"), person, c.var.user, clientIp(c));
      if (result.session) setSessionCookie(c, result.session.token, result.session.expiresAt, cookie);
      return c.json({ workspaceId: result.workspaceId, user: await userView(db, result.user) });
    });
  };
}
