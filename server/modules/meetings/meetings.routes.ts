import { idSchema } from "../../../shared/schemas/common";
import type { ApiModule } from "../../app-deps";
import { notFound } from "../../errors";
import type { MeetingsService } from "./meetings.service";

/** An id in the path that cannot be an id names nothing: 404, like an unknown one. */
function documentId(value: string): string {
  if (!idSchema.safeParse(value).success) throw notFound("Document");
  return value;
}

/** A Content-Disposition for a download: an ASCII name for old clients, the real one in filename*. */
function attachment(filename: string): string {
  const ascii =
    filename
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "vergadering.ics";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** GET /api/documents/:id/meeting.ics and POST …/meeting-invite (shared/schemas/meetings.ts). */
export function meetingsRoutes(meetings: MeetingsService): ApiModule {
  return (app) => {
    app.get("/api/documents/:id/meeting.ics", async (c) => {
      const calendar = await meetings.calendar(c.var.user, documentId(c.req.param("id")));
      c.header("Content-Type", "text/calendar; charset=utf-8");
      c.header("Content-Disposition", attachment(calendar.filename));
      c.header("Cache-Control", "private, no-store");
      return c.body(calendar.ics);
    });

    app.post("/api/documents/:id/meeting-invite", async (c) => {
      return c.json(await meetings.invite(c.var.user, documentId(c.req.param("id"))));
    });
  };
}
