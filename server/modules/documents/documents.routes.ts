import type { Hono } from "hono";
import { idSchema } from "../../../shared/schemas/common";
import {
  createDocumentRequest,
  documentListQuery,
  updateDocumentRequest,
} from "../../../shared/schemas/documents";
import type { AccessControl } from "../../auth/access";
import { notFound } from "../../errors";
import type { AppEnv } from "../../http/app-env";
import { jsonBody, queryParams } from "../../http/validate";
import { presentDocument } from "./documents.presenter";
import type { DocumentService } from "./documents.service";

/** An id in the path that cannot be an id names nothing: 404, like an unknown one. */
function pathId(value: string, what: string): string {
  if (!idSchema.safeParse(value).success) throw notFound(what);
  return value;
}

/** Routes: validate → authorize → service → presenter. */
export function documentRoutes(service: DocumentService, access: AccessControl) {
  return function mountDocuments(app: Hono<AppEnv>): void {
    app.get("/api/workspaces/:workspaceId/documents", async (c) => {
      const workspaceId = pathId(c.req.param("workspaceId"), "Workspace");
      const query = queryParams(c, documentListQuery);
      await access.requireWorkspace(c.get("user"), workspaceId, "document.read");
      const rows = await service.list(workspaceId, { trashed: query.trashed === "1", kind: query.kind });
      return c.json({ documents: rows.map(presentDocument) });
    });

    app.post("/api/workspaces/:workspaceId/documents", async (c) => {
      const workspaceId = pathId(c.req.param("workspaceId"), "Workspace");
      const user = c.get("user");
      await access.requireWorkspace(user, workspaceId, "document.create");
      const input = await jsonBody(c, createDocumentRequest);
      const row = await service.create(workspaceId, user!.id, input);
      return c.json({ document: presentDocument(row) }, 201);
    });

    app.get("/api/documents/:documentId", async (c) => {
      const id = pathId(c.req.param("documentId"), "Document");
      const { role } = await access.requireDocument(c.get("user"), id, "document.read");
      return c.json({ document: presentDocument(await service.get(id)), role });
    });

    app.patch("/api/documents/:documentId", async (c) => {
      const id = pathId(c.req.param("documentId"), "Document");
      const user = c.get("user");
      await access.requireDocument(user, id, "document.update");
      const input = await jsonBody(c, updateDocumentRequest);
      return c.json({ document: presentDocument(await service.update(id, user!.id, input)) });
    });

    app.delete("/api/documents/:documentId", async (c) => {
      const id = pathId(c.req.param("documentId"), "Document");
      const user = c.get("user");
      await access.requireDocument(user, id, "document.trash");
      return c.json({ document: presentDocument(await service.setTrashed(id, user!.id, true)) });
    });

    app.post("/api/documents/:documentId/restore", async (c) => {
      const id = pathId(c.req.param("documentId"), "Document");
      const user = c.get("user");
      await access.requireDocument(user, id, "document.trash");
      return c.json({ document: presentDocument(await service.setTrashed(id, user!.id, false)) });
    });
  };
}
