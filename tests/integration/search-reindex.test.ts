import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, nowIso } from "../../server/ids";
import { createLogger } from "../../server/logger";
import { createSearchIndex } from "../../server/search/create-search-index";
import type { SearchQuery } from "../../server/search/search-index";
import { countSearchEntries, sqlSearchEntrySource } from "../../server/search/sql-entry-source";
import { progressBar, reindex } from "../../scripts/reindex";
import { createDocument, createUser, createWorkspace } from "../helpers/fixtures";
import { meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import { startTestApp, type TestApp } from "../helpers/test-app";

const logger = createLogger("silent");

describe("search entries from SQL and npm run reindex", () => {
  let app: TestApp;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let caseId: string;
  let lessonId: string;
  let themeId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const t = app.themawerk;
    const db = t.database.db;
    const owner = await createUser(t, "Fien Facilitator");
    workspaceId = await createWorkspace(t, owner);
    otherWorkspaceId = await createWorkspace(t, owner, "Andere werkruimte");
    caseId = await createDocument(t, workspaceId, owner, "Dienstenwijzer in kleine gemeenten", "case");
    await db
      .updateTable("documents")
      .set({
        municipality: "Lokeren",
        is_centre_city: 0,
        outcome: "struggled",
        plain_text: "De werkwinkel hielp bij de uitrol.",
      })
      .where("id", "=", caseId)
      .execute();
    const trashedId = await createDocument(t, workspaceId, owner, "Weggegooid masterplan", "note");
    await db.updateTable("documents").set({ deleted_at: nowIso() }).where("id", "=", trashedId).execute();
    await createDocument(t, otherWorkspaceId, owner, "Klaverbladmodel elders", "note");
    themeId = newId();
    await db
      .insertInto("themes")
      .values({
        id: themeId,
        workspace_id: workspaceId,
        name: "Personeel",
        description: "",
        position: 0,
        archived_at: null,
        merged_into_id: null,
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    lessonId = newId();
    const lesson = {
      workspace_id: workspaceId,
      document_id: caseId,
      position: 0,
      previous_status: null,
      status_changed_by: null,
      status_changed_at: null,
      created_by: null,
      created_at: nowIso(),
      updated_at: nowIso(),
    };
    await db
      .insertInto("lessons")
      .values([
        {
          ...lesson,
          id: lessonId,
          kind: "pitfall",
          text: "Kleine gemeenten missen personeel.",
          status: "validated",
          deleted_at: null,
        },
        {
          ...lesson,
          id: newId(),
          kind: "do",
          text: "Verwijderde les over coöperatie.",
          status: "candidate",
          deleted_at: nowIso(),
        },
      ])
      .execute();
    await db.insertInto("lesson_themes").values({ lesson_id: lessonId, theme_id: themeId }).execute();
  });
  afterAll(async () => {
    await app?.close();
  });

  const everything = (ws: string): SearchQuery => ({
    workspaceIds: [ws],
    q: "",
    filters: {},
    facets: ["theme", "case"],
    limit: 50,
    offset: 0,
  });

  it("reads live documents and lessons with case metadata and themes, skipping trashed ones", async () => {
    const db = app.themawerk.database.db;
    expect(await countSearchEntries(db)).toBe(3);
    const entries = [];
    for await (const batch of sqlSearchEntrySource(db, 1)()) entries.push(...batch);
    expect(entries).toHaveLength(3);
    const lesson = entries.find((e) => e.id === lessonId);
    expect(lesson).toMatchObject({
      type: "lesson",
      documentId: caseId,
      documentTitle: "Dienstenwijzer in kleine gemeenten",
      lessonKind: "pitfall",
      status: "validated",
      themes: [{ id: themeId, name: "Personeel" }],
      caseName: "Lokeren",
      isCentreCity: false,
      outcome: "struggled",
      documentKind: "case",
    });
  });

  it("fills the embedded engine at start from SQL", async () => {
    const index = await createSearchIndex({ meili: undefined }, logger, {
      source: sqlSearchEntrySource(app.themawerk.database.db),
    });
    const result = await index.search({ ...everything(workspaceId), q: "dienstenwijzr" });
    expect(result.hits.map((h) => h.id).sort()).toEqual([caseId, lessonId].sort());
    expect(result.facets.theme).toEqual([{ value: themeId, count: 1 }]);
    expect((await index.search({ ...everything(workspaceId), q: "masterplan" })).total).toBe(0);
    await index.close();
  });

  it("rebuilds with a progress bar and drops what SQL no longer has", async () => {
    const index = await createSearchIndex({ meili: undefined }, logger);
    const stale = {
      id: "stalestalestale1",
      workspaceId,
      type: "document" as const,
      documentId: "stalestalestale1",
    };
    await index.index([{ ...stale, title: "Oud verslag", text: "", documentKind: "note" }]);
    let output = "";
    const done = await reindex({
      index,
      source: sqlSearchEntrySource(app.themawerk.database.db, 1),
      workspaceIds: [workspaceId, otherWorkspaceId],
      total: 3,
      write: (text) => {
        output += text;
      },
    });
    expect(done).toBe(3);
    expect(output).toContain(progressBar(3, 3));
    expect(output).toContain("100%");
    expect((await index.search(everything(workspaceId))).hits.map((h) => h.id).sort()).toEqual(
      [caseId, lessonId].sort(),
    );
    expect((await index.search(everything(otherWorkspaceId))).total).toBe(1);
    await index.close();
  });

  const unavailable = meiliUnavailableReason();
  it.skipIf(unavailable !== undefined)(
    `rebuilds a Meilisearch index from SQL${unavailable ? ` — SKIPPED: ${unavailable}` : ""}`,
    async () => {
      const server = await startMeilisearch();
      try {
        const index = await createSearchIndex(
          { meili: { url: server.url, masterKey: server.masterKey } },
          logger,
        );
        const done = await reindex({
          index,
          source: sqlSearchEntrySource(app.themawerk.database.db),
          workspaceIds: [workspaceId, otherWorkspaceId],
          total: 3,
          write: () => {},
        });
        expect(done).toBe(3);
        const found = await index.search({ ...everything(workspaceId), q: "personeel" });
        expect(found.hits.map((h) => h.id)).toEqual([lessonId]);
        await index.close();
      } finally {
        await server.close();
      }
    },
  );
});
