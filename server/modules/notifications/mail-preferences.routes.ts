import { unsubscribeTokenSchema, updateMailPreferencesRequest } from "../../../shared/schemas/mail";
import type { ApiModule } from "../../app-deps";
import type { Db } from "../../db/database";
import { unauthorized } from "../../errors";
import { jsonBody } from "../../http/validate";
import { accountUrl } from "../../mail/app-links";
import { readMailChoices, saveMailChoices, tokenOwner, unsubscribe } from "./mail-preferences";
import { unsubscribePage } from "./unsubscribe-page";

/**
 * GET/PUT /api/me/mail (the session's own preferences) and the unsubscribe link of every mail,
 * GET/POST /mail/afmelden/:token — outside /api: it needs no login and a mail client's one-click
 * POST (RFC 8058) carries no Origin; the token is the authority and can only stop mail.
 */
export function mailPreferencesRoutes(db: Db, mailEnabled: boolean, publicUrl: string): ApiModule {
  const page = (locale: string, state: Parameters<typeof unsubscribePage>[1]) =>
    unsubscribePage(locale, state, accountUrl(publicUrl));
  return (app) => {
    app.get("/api/me/mail", async (c) => {
      if (!c.var.user) throw unauthorized();
      return c.json({ enabled: mailEnabled, ...(await readMailChoices(db, c.var.user.id)) });
    });

    app.put("/api/me/mail", async (c) => {
      if (!c.var.user) throw unauthorized();
      const choices = await jsonBody(c, updateMailPreferencesRequest);
      await saveMailChoices(db, c.var.user.id, choices);
      return c.json({ enabled: mailEnabled, ...(await readMailChoices(db, c.var.user.id)) });
    });

    app.get("/mail/afmelden/:token", async (c) => {
      const token = unsubscribeTokenSchema.safeParse(c.req.param("token"));
      const owner = token.success ? await tokenOwner(db, token.data) : undefined;
      c.header("Cache-Control", "no-store");
      c.header("Referrer-Policy", "no-referrer");
      if (!owner) return c.html(page("nl", { kind: "gone" }), 404);
      return c.html(
        page(owner.locale, {
          kind: owner.comment_mail || owner.digest !== "off" ? "ask" : "done",
          email: owner.email,
        }),
      );
    });

    app.post("/mail/afmelden/:token", async (c) => {
      const token = unsubscribeTokenSchema.safeParse(c.req.param("token"));
      const owner = token.success ? await tokenOwner(db, token.data) : undefined;
      c.header("Cache-Control", "no-store");
      if (!owner || !token.success) return c.html(page("nl", { kind: "gone" }), 404);
      await unsubscribe(db, token.data);
      return c.html(page(owner.locale, { kind: "done", email: owner.email }));
    });
  };
}
