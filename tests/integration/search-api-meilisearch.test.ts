import { $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $createLessonNode } from "../../shared/editor";
import { type MeiliServer, meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import {
  checkKindWordsAreFilters,
  checkNewDocumentFindableByTitle,
  checkSynonyms,
  searchScenario,
} from "../helpers/search-scenario";
import { startTestServer, type TestServer } from "../helpers/test-server";

const unavailable = meiliUnavailableReason();
const title = unavailable
  ? `search API on Meilisearch — SKIPPED: ${unavailable}`
  : "search API on Meilisearch";

describe.skipIf(unavailable !== undefined)(title, () => {
  let meili: MeiliServer;
  let server: TestServer;
  let s: Awaited<ReturnType<typeof searchScenario>>;

  beforeAll(async () => {
    meili = await startMeilisearch();
    server = await startTestServer({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
    s = await searchScenario(server);
  });
  afterAll(async () => {
    s?.client.destroy();
    await server?.close();
    await meili?.close();
  });

  it("finds what was written in the editor, with one typo and the theme facet", async () => {
    const res = await s.search("q=dienstenwijzr");
    expect(res.status).toBe(200);
    expect(res.body.hits.find((h: { type: string }) => h.type === "lesson")).toMatchObject({
      lessonKind: "pitfall",
      themes: [{ id: s.theme.id, name: "Dienstenwijzer" }],
    });
    expect(res.body.facets.theme).toEqual([{ value: s.theme.id, count: 1, label: "Dienstenwijzer" }]);
  });

  it("reads kind words in the query as a kind filter, as the embedded engine does", async () => {
    await checkKindWordsAreFilters(s, expect);
  });

  it("finds a new document by its title at once, before anyone typed in it", async () => {
    await checkNewDocumentFindableByTitle(s, expect);
  });

  it("uses the workspace's synonyms, kept by facilitators", async () => {
    await checkSynonyms(s, expect);
  });

  it("says so when Meilisearch is down, keeps edits working, and indexes them when it is back", async () => {
    await meili.stop();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect((await health.json()).down).toEqual(["search"]);
    const refused = await s.search("q=dienstenwijzer");
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("service_unavailable");

    await s.client.edit(() => {
      $getRoot().append(
        $createLessonNode("do", [s.theme.id]).append($createTextNode("Wijs een vaste beheerder aan")),
      );
    });
    const lessons = () =>
      s.api(`/api/workspaces/${s.people.workspaceId}/lessons?kind=do`, s.people.viewer.cookie);
    await expect.poll(async () => (await lessons()).body.lessons.length, { timeout: 10_000 }).toBe(1);

    await meili.start();
    await expect
      .poll(async () => (await fetch(`${server.url}/healthz`)).status, { timeout: 15_000 })
      .toBe(200);
    await expect.poll(async () => (await s.search("q=beheerder")).body.total, { timeout: 15_000 }).toBe(2);
  });

  it("keeps the master key out of every answer", async () => {
    const res = await fetch(`${server.url}/api/workspaces/${s.people.workspaceId}/search?q=x`, {
      headers: { Cookie: s.people.viewer.cookie },
    });
    expect(await res.text()).not.toContain(meili.masterKey);
  });
});
