import type { Context } from "hono";
import { idSchema } from "../../../shared/schemas/common";
import { undoMarkExportedRequest, updateOutlineRequest } from "../../../shared/schemas/handbook";
import type { ApiModule } from "../../app-deps";
import { notFound } from "../../errors";
import { jsonBody } from "../../http/validate";
import { docxContentType, handbookDocx } from "./exporters/docx";
import { attachment, safeFileName } from "./exporters/escape";
import { handbookHtml } from "./exporters/html";
import { handbookMarkdown } from "./exporters/markdown";
import type { HandbookService } from "./handbook.service";
import { exportWordsFor } from "./labels";

function workspaceId(c: Context): string {
  const value = c.req.param("id") ?? "";
  if (!idSchema.safeParse(value).success) throw notFound("Workspace");
  return value;
}

/** The handbook: outline (read by all, changed by the facilitator), preview, exports, the in_handbook mark. */
export function handbookRoutes(service: HandbookService): ApiModule {
  return (app) => {
    const base = "/api/workspaces/:id/handbook";

    app.get(`${base}/outline`, async (c) =>
      c.json({ outline: await service.outline(c.get("user"), workspaceId(c)) }),
    );

    app.put(`${base}/outline`, async (c) => {
      const id = workspaceId(c);
      await service.authorize(c.get("user"), id, "handbook.compile");
      const { themeIds } = await jsonBody(c, updateOutlineRequest);
      return c.json({ outline: await service.updateOutline(c.get("user"), id, themeIds) });
    });

    app.get(base, async (c) => c.json({ handbook: await service.compile(c.get("user"), workspaceId(c)) }));

    app.get(`${base}/export.html`, async (c) => {
      const handbook = await service.compile(c.get("user"), workspaceId(c));
      c.header("Content-Type", "text/html; charset=utf-8");
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Cache-Control", "private, no-store");
      c.header("Content-Disposition", attachment(safeFileName(handbook.title, "html")));
      return c.body(handbookHtml(handbook, exportWordsFor(c)));
    });

    app.get(`${base}/export.md`, async (c) => {
      const handbook = await service.compile(c.get("user"), workspaceId(c));
      c.header("Content-Type", "text/markdown; charset=utf-8");
      c.header("Cache-Control", "private, no-store");
      c.header("Content-Disposition", attachment(safeFileName(handbook.title, "md")));
      return c.body(handbookMarkdown(handbook, exportWordsFor(c)));
    });

    app.get(`${base}/export.docx`, async (c) => {
      const handbook = await service.compile(c.get("user"), workspaceId(c));
      const bytes = await handbookDocx(handbook, exportWordsFor(c));
      c.header("Content-Type", docxContentType);
      c.header("Cache-Control", "private, no-store");
      c.header("Content-Disposition", attachment(safeFileName(handbook.title, "docx")));
      return c.body(bytes.buffer as ArrayBuffer);
    });

    app.post(`${base}/mark-exported`, async (c) =>
      c.json(await service.markExported(c.get("user"), workspaceId(c))),
    );

    app.post(`${base}/mark-exported/undo`, async (c) => {
      const id = workspaceId(c);
      await service.authorize(c.get("user"), id, "handbook.compile");
      const { token } = await jsonBody(c, undoMarkExportedRequest);
      return c.json({ restored: await service.undoMarkExported(c.get("user"), id, token) });
    });
  };
}
