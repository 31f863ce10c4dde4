import { passwordResetConfirm, passwordResetRequest } from "../../../shared/schemas/auth";
import type { ApiModule } from "../../app-deps";
import type { ClientIpOf } from "../../auth/client-ip";
import { jsonBody } from "../../http/validate";
import type { PasswordResetService } from "./password-reset.service";

/** GET /api/auth/mail, POST /api/auth/password-reset and …/confirm (shared/schemas/auth.ts); no session needed. */
export function passwordResetRoutes(
  resets: PasswordResetService,
  mailEnabled: boolean,
  clientIp: ClientIpOf,
): ApiModule {
  return (app) => {
    app.get("/api/auth/mail", (c) => c.json({ enabled: mailEnabled }));

    app.post("/api/auth/password-reset", async (c) => {
      const { email } = await jsonBody(c, passwordResetRequest);
      await resets.request(email, clientIp(c));
      return c.json({ sent: true }, 202);
    });

    app.post("/api/auth/password-reset/confirm", async (c) => {
      const { token, newPassword } = await jsonBody(c, passwordResetConfirm);
      await resets.confirm(token, newPassword, clientIp(c));
      return c.body(null, 204);
    });
  };
}
