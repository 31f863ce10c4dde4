import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../helpers/api-client";
import { addMember, createUser } from "../helpers/fixtures";
import { type MeiliServer, meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import { startTestServer, type TestServer } from "../helpers/test-server";

const unavailable = meiliUnavailableReason();
const title = unavailable
  ? `first start on Meilisearch — SKIPPED: ${unavailable}`
  : "first start on Meilisearch";

describe.skipIf(unavailable !== undefined)(title, () => {
  let meili: MeiliServer;
  let server: TestServer;

  beforeAll(async () => {
    meili = await startMeilisearch();
    server = await startTestServer({ DEMO: "1", MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
  });
  afterAll(async () => {
    await server?.close();
    await meili?.close();
  });

  it("indexes the demo workspace: every document and lesson is findable without anyone editing", async () => {
    const db = server.themawerk.database.db;
    const demo = await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow();
    const reader = await createUser(server.themawerk, "Lezer");
    await addMember(server.themawerk, demo.id, reader, "viewer");
    const documents = await db
      .selectFrom("documents")
      .select("id")
      .where("workspace_id", "=", demo.id)
      .execute();
    const lessons = await db
      .selectFrom("lessons")
      .select("id")
      .where("workspace_id", "=", demo.id)
      .where("deleted_at", "is", null)
      .execute();
    expect(lessons.length).toBeGreaterThan(0);
    const everything = async () =>
      (await apiClient(server.url)(`/api/workspaces/${demo.id}/search?limit=100`, reader.cookie)).body;
    await expect
      .poll(async () => (await everything()).total, { timeout: 15_000 })
      .toBe(documents.length + lessons.length);
    const found = await apiClient(server.url)(
      `/api/workspaces/${demo.id}/search?q=dienstenwijzer`,
      reader.cookie,
    );
    expect(found.body.total).toBeGreaterThan(0);
  });
});
