import type { Context } from "hono";
import { idSchema } from "../../../shared/schemas/common";
import type { ApiModule } from "../../app-deps";
import { notFound } from "../../errors";
import { presentEvidence } from "./evidence.presenter";
import type { EvidenceService } from "./evidence.service";

/** Lesson ids are block ids ("l" + base-36); anything else in the path names nothing. */
const lessonIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

function pathParam(c: Context, name: string, what: string, valid: (v: string) => boolean): string {
  const value = c.req.param(name) ?? "";
  if (!valid(value)) throw notFound(what);
  return value;
}
const docId = (c: Context) => pathParam(c, "id", "Document", (v) => idSchema.safeParse(v).success);
const lessonId = (c: Context, name: string) => pathParam(c, name, "Lesson", (v) => lessonIdPattern.test(v));

/** Recommendation evidence: cite and uncite lessons, list a recommendation's evidence, a lesson's citations. */
export function evidenceRoutes(service: EvidenceService): ApiModule {
  return (app) => {
    app.get("/api/documents/:id/evidence", async (c) => {
      return c.json(presentEvidence(await service.list(c.get("user"), docId(c))));
    });

    app.put("/api/documents/:id/evidence/:lessonId", async (c) => {
      return c.json(presentEvidence(await service.link(c.get("user"), docId(c), lessonId(c, "lessonId"))));
    });

    app.delete("/api/documents/:id/evidence/:lessonId", async (c) => {
      return c.json(presentEvidence(await service.unlink(c.get("user"), docId(c), lessonId(c, "lessonId"))));
    });

    app.get("/api/lessons/:id/recommendations", async (c) => {
      const rows = await service.citing(c.get("user"), lessonId(c, "id"));
      return c.json({ recommendations: rows.map((r) => ({ id: r.id, title: r.title })) });
    });
  };
}
