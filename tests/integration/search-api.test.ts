import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkKindWordsAreFilters,
  checkNewDocumentFindableByTitle,
  checkSynonyms,
  searchScenario,
} from "../helpers/search-scenario";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let s: Awaited<ReturnType<typeof searchScenario>>;

beforeAll(async () => {
  server = await startTestServer();
  s = await searchScenario(server);
});
afterAll(async () => {
  s?.client.destroy();
  await server?.close();
});

describe("GET /api/workspaces/:id/search (embedded engine)", () => {
  it("finds a lesson written in the editor with one typo, with its kind, theme and case", async () => {
    const res = await s.search("q=dienstenwijzr");
    expect(res.status).toBe(200);
    const lesson = res.body.hits.find((h: { type: string }) => h.type === "lesson");
    expect(lesson).toMatchObject({
      documentId: s.doc.id,
      lessonKind: "pitfall",
      caseName: "Kleinegem",
      outcome: "struggled",
      isCentreCity: false,
      themes: [{ id: s.theme.id, name: "Dienstenwijzer" }],
      status: "candidate",
    });
    expect(lesson.snippet).toMatch(/<mark>dienstenwijzer<\/mark>/i);
  });

  it("counts facets with theme names and filters on a theme", async () => {
    const res = await s.search("q=dienstenwijzer");
    expect(res.body.facets.theme).toEqual([{ value: s.theme.id, count: 1, label: "Dienstenwijzer" }]);
    expect(res.body.facets.lessonKind).toEqual([{ value: "pitfall", count: 1 }]);
    const filtered = await s.search(`q=kleine&theme=${s.theme.id}`);
    expect(filtered.body.hits.map((h: { type: string }) => h.type)).toEqual(["lesson"]);
  });

  it("reads kind words in the query as a kind filter (valkuil, pitfalls, knelpunt), unless asked to take them literally", async () => {
    await checkKindWordsAreFilters(s, expect);
  });

  it("finds a new document by its title at once, before anyone typed in it", async () => {
    await checkNewDocumentFindableByTitle(s, expect);
  });

  it("uses the workspace's synonyms, kept by facilitators", async () => {
    await checkSynonyms(s, expect);
  });

  it("finds document text as you type (prefix)", async () => {
    const res = await s.search("q=klaverbl&type=document");
    expect(res.body.hits.map((h: { id: string }) => h.id)).toEqual([s.doc.id]);
  });

  it("follows status changes, trash and restore", async () => {
    const lessonId = (await s.search("q=dienstenwijzer&type=lesson")).body.hits[0].id;
    await s.api(`/api/lessons/${lessonId}/status`, s.people.facilitator.cookie, {
      method: "PATCH",
      json: { status: "validated" },
    });
    await expect
      .poll(async () => (await s.search("status=validated")).body.total, { timeout: 5_000 })
      .toBe(1);

    await s.api(`/api/documents/${s.doc.id}`, s.people.editor.cookie, { method: "DELETE" });
    await expect
      .poll(async () => (await s.search("q=dienstenwijzer")).body.total, { timeout: 5_000 })
      .toBe(0);
    await s.api(`/api/documents/${s.doc.id}/restore`, s.people.editor.cookie, { method: "POST" });
    await expect
      .poll(async () => (await s.search("q=dienstenwijzer")).body.total, { timeout: 5_000 })
      .toBe(2);
  });

  it("follows a change of the case's metadata", async () => {
    await s.api(`/api/documents/${s.doc.id}`, s.people.editor.cookie, {
      method: "PATCH",
      json: { outcome: "succeeded" },
    });
    await expect
      .poll(async () => (await s.search("q=dienstenwijzer&outcome=succeeded")).body.total, { timeout: 5_000 })
      .toBe(2);
  });

  it("never answers outside the caller's workspace, whatever the query says", async () => {
    expect((await s.search("q=dienstenwijzer", s.people.outsider)).status).toBe(404);
    const outsiderWorkspace = (await s.api("/api/workspaces", s.people.outsider.cookie)).body.workspaces[0]
      .id;
    const theirs = await s.api(
      `/api/workspaces/${outsiderWorkspace}/search?q=dienstenwijzer`,
      s.people.outsider.cookie,
    );
    expect(theirs.status).toBe(200);
    expect(theirs.body.total).toBe(0);
    const smuggled = await s.search(`q=dienstenwijzer&workspaceIds=${outsiderWorkspace}`);
    expect(smuggled.status).toBe(400);
    expect((await s.api(`/api/workspaces/${s.people.workspaceId}/search?q=x`, "")).status).toBe(401);
  });

  it("refuses bad queries with the field named", async () => {
    const res = await s.search("q=x&limit=1000");
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("limit");
    const kind = await s.search("lessonKind=maybe");
    expect(kind.body.error.field).toMatch(/^lessonKind/);
  });

  it("is part of /healthz", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });
});
