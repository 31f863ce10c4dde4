import { lessonQuery, setLessonStatusRequest, setStanceRequest } from "../../../shared/schemas/lessons";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { jsonBody, multiQuery, parseWith } from "../../http/validate";
import { countLessons, presentLesson } from "./lesson.presenter";
import type { LessonsService } from "./lessons.service";

/** Lessons of a workspace with filters; status (facilitator) and stances (facilitator, editor, commenter). */
export function lessonsRoutes(lessons: LessonsService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/lessons", async (c) => {
      const user = requireUser(c.var.user);
      const filters = parseWith(lessonQuery, multiQuery(c));
      const rows = await lessons.list(user, c.req.param("id"), filters);
      return c.json({ lessons: rows.map((r) => presentLesson(r, user.id)), counts: countLessons(rows) });
    });

    app.get("/api/lessons/:id", async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ lesson: presentLesson(await lessons.get(user, c.req.param("id")), user.id) });
    });

    app.patch("/api/lessons/:id/status", async (c) => {
      const user = requireUser(c.var.user);
      const { status } = await jsonBody(c, setLessonStatusRequest);
      return c.json({ lesson: presentLesson(await lessons.setStatus(user, c.req.param("id"), status), user.id) });
    });

    app.put("/api/lessons/:id/stance", async (c) => {
      const user = requireUser(c.var.user);
      const { stance, reason } = await jsonBody(c, setStanceRequest);
      return c.json({ lesson: presentLesson(await lessons.setStance(user, c.req.param("id"), stance, reason), user.id) });
    });

    app.delete("/api/lessons/:id/stance", async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ lesson: presentLesson(await lessons.removeStance(user, c.req.param("id")), user.id) });
    });
  };
}
