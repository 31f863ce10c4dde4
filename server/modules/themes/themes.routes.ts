import { createThemeRequest, mergeThemeRequest, updateThemeRequest } from "../../../shared/schemas/themes";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { jsonBody } from "../../http/validate";
import { presentTheme } from "./theme.presenter";
import type { ThemesService } from "./themes.service";

/** GET/POST /api/workspaces/:id/themes, PATCH /api/themes/:id, POST /api/themes/:id/merge. */
export function themesRoutes(themes: ThemesService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/themes", async (c) => {
      const list = await themes.list(requireUser(c.var.user), c.req.param("id"), c.req.query("archived") === "1");
      return c.json({ themes: list.themes.map(presentTheme), aliases: list.aliases });
    });

    app.post("/api/workspaces/:id/themes", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, createThemeRequest);
      return c.json({ theme: presentTheme(await themes.create(user, c.req.param("id"), body)) }, 201);
    });

    app.patch("/api/themes/:id", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, updateThemeRequest);
      return c.json({ theme: presentTheme(await themes.update(user, c.req.param("id"), body)) });
    });

    app.post("/api/themes/:id/merge", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, mergeThemeRequest);
      return c.json({ theme: presentTheme(await themes.merge(user, c.req.param("id"), body.intoThemeId)) });
    });
  };
}
