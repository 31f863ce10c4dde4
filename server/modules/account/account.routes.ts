import { changePasswordRequest, updateAccountRequest } from "../../../shared/schemas/auth";
import type { ApiModule } from "../../app-deps";
import type { ClientIpOf } from "../../auth/client-ip";
import type { Db } from "../../db/database";
import { unauthorized } from "../../errors";
import type { AppEnv } from "../../http/app-env";
import { jsonBody } from "../../http/validate";
import type { AccountService } from "./account.service";
import { userView } from "./user.presenter";

type Vars = AppEnv["Variables"];

/** The session's user and id, or 401. */
function requireSession(vars: Pick<Vars, "user" | "sessionId">) {
  if (!vars.user || !vars.sessionId) throw unauthorized();
  return { user: vars.user, sessionId: vars.sessionId };
}

/** GET/PATCH /api/me and POST /api/me/password. */
export function accountRoutes(account: AccountService, db: Db, clientIp: ClientIpOf): ApiModule {
  return (app) => {
    app.get("/api/me", async (c) => {
      const { user } = requireSession(c.var);
      return c.json({ user: await userView(db, user) });
    });

    app.patch("/api/me", async (c) => {
      const { user } = requireSession(c.var);
      const change = await jsonBody(c, updateAccountRequest);
      const updated = await account.updateProfile(user, change);
      return c.json({ user: await userView(db, updated) });
    });

    app.post("/api/me/password", async (c) => {
      const { user, sessionId } = requireSession(c.var);
      const body = await jsonBody(c, changePasswordRequest);
      await account.changePassword(user, sessionId, body.currentPassword, body.newPassword, clientIp(c));
      return c.body(null, 204);
    });
  };
}
