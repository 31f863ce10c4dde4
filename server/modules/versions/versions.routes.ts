import {
  createVersionRequest,
  restoreVersionRequest,
  versionDiffQuery,
  type VersionSummary,
} from "../../../shared/schemas/versions";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import type { Db } from "../../db/database";
import { jsonBody, queryParams } from "../../http/validate";
import type { VersionRow } from "./versions.repo";
import type { VersionsService } from "./versions.service";

/** Names for the people versions mention; a removed account reads as "?". */
async function peopleNamed(db: Db, rows: VersionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [...r.contributorIds, ...(r.createdBy ? [r.createdBy] : [])]))];
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(users.map((u) => [u.id, u.name]));
}

function present(row: VersionRow, names: Map<string, string>): VersionSummary {
  const person = (id: string) => ({ id, name: names.get(id) ?? "?" });
  return {
    id: row.id,
    documentId: row.documentId,
    kind: row.kind,
    name: row.name,
    title: row.title,
    createdAt: row.createdAt,
    createdBy: row.createdBy ? person(row.createdBy) : null,
    contributors: row.contributorIds.map(person),
    restoredFrom: row.restoredFrom,
    storedBytes: row.storedBytes,
  };
}

/** The version-history routes (shared/schemas/versions.ts). */
export function versionsRoutes(db: Db, versions: VersionsService): ApiModule {
  const summaries = async (rows: VersionRow[]) => {
    const names = await peopleNamed(db, rows);
    return rows.map((row) => present(row, names));
  };
  return (app) => {
    app.get("/api/documents/:id/versions", async (c) => {
      const rows = await versions.list(requireUser(c.var.user), c.req.param("id"));
      return c.json({ versions: await summaries(rows) });
    });

    app.post("/api/documents/:id/versions", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, createVersionRequest);
      const row = await versions.createNamed(user, c.req.param("id"), body.name);
      const [version] = await summaries([row]);
      return c.json({ version }, 201);
    });

    app.get("/api/documents/:id/versions/:versionId", async (c) => {
      const row = await versions.get(requireUser(c.var.user), c.req.param("id"), c.req.param("versionId"));
      const [summary] = await summaries([row]);
      return c.json({
        version: { ...summary, lexicalJson: row.content.lexicalJson, plainText: row.content.plainText },
      });
    });

    app.get("/api/documents/:id/versions/:versionId/diff", async (c) => {
      const { to } = queryParams(c, versionDiffQuery);
      const user = requireUser(c.var.user);
      return c.json(await versions.diff(user, c.req.param("id"), c.req.param("versionId"), to));
    });

    app.post("/api/documents/:id/versions/:versionId/restore", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, restoreVersionRequest);
      const result = await versions.restore(
        user,
        c.req.param("id"),
        c.req.param("versionId"),
        body.blockIndex,
      );
      const [version] = await summaries([result.version]);
      return c.json({ version, undoVersionId: result.undoVersionId, changed: result.changed });
    });
  };
}
