import { loginRequest } from "../../../shared/schemas/auth";
import type { ApiModule } from "../../app-deps";
import type { ClientIpOf } from "../../auth/client-ip";
import {
  clearSessionCookie,
  type SessionCookieOptions,
  setSessionCookie,
} from "../../auth/session-middleware";
import type { Db } from "../../db/database";
import { jsonBody } from "../../http/validate";
import { userView } from "../account/user.presenter";
import type { AuthService } from "./auth.service";

/** POST /api/auth/login and /api/auth/logout. */
export function authRoutes(
  auth: AuthService,
  db: Db,
  cookie: SessionCookieOptions,
  clientIp: ClientIpOf,
): ApiModule {
  return (app) => {
    app.post("/api/auth/login", async (c) => {
      const body = await jsonBody(c, loginRequest);
      const result = await auth.login(body.email, body.password, clientIp(c));
      setSessionCookie(c, result.token, result.expiresAt, cookie);
      return c.json({ user: await userView(db, result.user) });
    });

    app.post("/api/auth/logout", async (c) => {
      await auth.logout(c.var.user, c.var.sessionId);
      clearSessionCookie(c, cookie);
      return c.body(null, 204);
    });
  };
}
