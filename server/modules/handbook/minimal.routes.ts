import type { Context } from "hono";
import { idSchema } from "../../../shared/schemas/common";
import { chapterThemeRequest } from "../../../shared/schemas/handbook";
import type { ApiModule } from "../../app-deps";
import { notFound } from "../../errors";
import { jsonBody } from "../../http/validate";
import type { ChapterThemeService } from "./chapter-theme.service";
import type { MinimalVersionService } from "./minimal.service";

/** Lesson ids are block ids; anything else in the path names nothing. */
const lessonIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

function param(c: Context, name: string, what: string, valid: (v: string) => boolean): string {
  const value = c.req.param(name) ?? "";
  if (!valid(value)) throw notFound(what);
  return value;
}
const isId = (v: string) => idSchema.safeParse(v).success;

/** The minimal feasible version checklist and its marks, and the theme link of chapter documents. */
export function minimalRoutes(minimal: MinimalVersionService, chapters: ChapterThemeService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/minimal", async (c) =>
      c.json(await minimal.checklist(c.get("user"), param(c, "id", "Workspace", isId))),
    );

    app.put("/api/lessons/:id/minimum", async (c) => {
      const id = param(c, "id", "Lesson", (v) => lessonIdPattern.test(v));
      return c.json({ lessonId: id, minimum: await minimal.setMinimum(c.get("user"), id, true) });
    });

    app.delete("/api/lessons/:id/minimum", async (c) => {
      const id = param(c, "id", "Lesson", (v) => lessonIdPattern.test(v));
      return c.json({ lessonId: id, minimum: await minimal.setMinimum(c.get("user"), id, false) });
    });

    app.put("/api/lessons/:id/minimum/done", async (c) => {
      const id = param(c, "id", "Lesson", (v) => lessonIdPattern.test(v));
      return c.json({ lessonId: id, done: await minimal.setDone(c.get("user"), id, true) });
    });

    app.delete("/api/lessons/:id/minimum/done", async (c) => {
      const id = param(c, "id", "Lesson", (v) => lessonIdPattern.test(v));
      return c.json({ lessonId: id, done: await minimal.setDone(c.get("user"), id, false) });
    });

    app.get("/api/documents/:id/chapter-theme", async (c) => {
      const id = param(c, "id", "Document", isId);
      return c.json({ themeId: await chapters.get(c.get("user"), id) });
    });

    app.put("/api/documents/:id/chapter-theme", async (c) => {
      const id = param(c, "id", "Document", isId);
      const { themeId } = await jsonBody(c, chapterThemeRequest);
      return c.json({ themeId: await chapters.set(c.get("user"), id, themeId) });
    });
  };
}
