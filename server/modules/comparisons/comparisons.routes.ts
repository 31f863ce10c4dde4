import type { Context } from "hono";
import { idSchema } from "../../../shared/schemas/common";
import { comparisonPreviewRequest, createComparisonRequest } from "../../../shared/schemas/comparisons";
import type { ApiModule } from "../../app-deps";
import { notFound } from "../../errors";
import { attachment, safeFileName } from "../handbook/exporters/escape";
import { jsonBody } from "../../http/validate";
import { exportWordsFor } from "../handbook/labels";
import { comparisonCsv, comparisonMarkdown } from "./comparison-export";
import { presentComparisonSummary, presentSavedComparison } from "./comparison.presenter";
import { parseCaseIds } from "./comparisons.repo";
import type { ComparisonsService } from "./comparisons.service";

/** An id in the path that cannot be an id names nothing: 404, like an unknown one. */
function pathId(c: Context, name: string, what: string): string {
  const value = c.req.param(name) ?? "";
  if (!idSchema.safeParse(value).success) throw notFound(what);
  return value;
}

/** Comparisons: preview a matrix, save it under a name, list, open, delete, export as Markdown or CSV. */
export function comparisonsRoutes(service: ComparisonsService): ApiModule {
  return (app) => {
    const base = "/api/workspaces/:id/comparisons";

    app.post(`${base}/preview`, async (c) => {
      const workspaceId = pathId(c, "id", "Workspace");
      const user = c.get("user");
      await service.authorize(user, workspaceId, "comparison.read");
      const { caseIds } = await jsonBody(c, comparisonPreviewRequest);
      return c.json({ comparison: await service.preview(user, workspaceId, caseIds) });
    });

    app.get(base, async (c) => {
      const workspaceId = pathId(c, "id", "Workspace");
      const rows = await service.list(c.get("user"), workspaceId);
      return c.json({ comparisons: rows.map((r) => presentComparisonSummary(r, parseCaseIds(r.case_ids))) });
    });

    app.post(base, async (c) => {
      const workspaceId = pathId(c, "id", "Workspace");
      await service.authorize(c.get("user"), workspaceId, "comparison.save");
      const input = await jsonBody(c, createComparisonRequest);
      return c.json(
        { comparison: presentSavedComparison(await service.create(c.get("user"), workspaceId, input)) },
        201,
      );
    });

    app.get(`${base}/:comparisonId`, async (c) => {
      const workspaceId = pathId(c, "id", "Workspace");
      const id = pathId(c, "comparisonId", "Comparison");
      return c.json({
        comparison: presentSavedComparison(await service.get(c.get("user"), workspaceId, id)),
      });
    });

    app.delete(`${base}/:comparisonId`, async (c) => {
      const workspaceId = pathId(c, "id", "Workspace");
      const id = pathId(c, "comparisonId", "Comparison");
      await service.remove(c.get("user"), workspaceId, id);
      return c.body(null, 204);
    });

    app.get(`${base}/:comparisonId/export.md`, async (c) => {
      const found = await service.get(
        c.get("user"),
        pathId(c, "id", "Workspace"),
        pathId(c, "comparisonId", "Comparison"),
      );
      c.header("Content-Type", "text/markdown; charset=utf-8");
      c.header("Cache-Control", "private, no-store");
      c.header("Content-Disposition", attachment(safeFileName(found.record.name, "md")));
      return c.body(comparisonMarkdown(found.record.name, found.matrix, exportWordsFor(c)));
    });

    app.get(`${base}/:comparisonId/export.csv`, async (c) => {
      const found = await service.get(
        c.get("user"),
        pathId(c, "id", "Workspace"),
        pathId(c, "comparisonId", "Comparison"),
      );
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Cache-Control", "private, no-store");
      c.header("Content-Disposition", attachment(safeFileName(found.record.name, "csv")));
      return c.body(comparisonCsv(found.matrix, exportWordsFor(c)));
    });
  };
}
