import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $createLessonNode, $isLessonNode, type LessonNode } from "../../shared/editor";
import type { Lesson } from "../../shared/schemas/lessons";
import { apiCall } from "../helpers/api-client";
import { workspaceWithRoles } from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
let client: LexicalClient;
let themeA: string;
let themeB: string;

const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie, init);

async function lessons(query = ""): Promise<Lesson[]> {
  const res = await api(`/api/workspaces/${people.workspaceId}/lessons${query}`, people.viewer.cookie);
  expect(res.status).toBe(200);
  return res.body.lessons;
}

function $lessons(): LessonNode[] {
  return $getRoot().getChildren().filter($isLessonNode);
}

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
  const f = people.facilitator.cookie;
  themeA = (
    await api(`/api/workspaces/${people.workspaceId}/themes`, f, {
      method: "POST",
      json: { name: "Dienstenwijzer" },
    })
  ).body.theme.id;
  themeB = (
    await api(`/api/workspaces/${people.workspaceId}/themes`, f, {
      method: "POST",
      json: { name: "Kleine gemeenten" },
    })
  ).body.theme.id;
  const created = await api(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
    method: "POST",
    json: {
      title: "Casus Teststad",
      kind: "case",
      municipality: "Teststad",
      isCentreCity: false,
      outcome: "struggled",
    },
  });
  expect(created.status).toBe(201);
  documentId = created.body.document.id;
  client = await lexicalClient(server.url, documentId, people.editor.cookie);
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe("lessons extracted from real Lexical editing through the server", () => {
  let lessonId: string;

  it("finds a new lesson block with its kind, themes, text and case", async () => {
    await client.edit(() => {
      const lesson = $createLessonNode("pitfall", [themeA]).append(
        $createTextNode("De dienstenwijzer raakte verouderd"),
      );
      $getRoot().append($createParagraphNode().append($createTextNode("Inleiding")), lesson);
    });
    lessonId = client.editor.getEditorState().read(() => $lessons()[0].getLessonId());
    await expect
      .poll(async () => (await lessons()).map((l) => l.id), { timeout: 10_000 })
      .toEqual([lessonId]);
    const [lesson] = await lessons();
    expect(lesson).toMatchObject({
      kind: "pitfall",
      text: "De dienstenwijzer raakte verouderd",
      status: "candidate",
      themes: [{ id: themeA, name: "Dienstenwijzer" }],
      document: { id: documentId, municipality: "Teststad", isCentreCity: false, outcome: "struggled" },
      author: { id: people.editor.id },
    });
  });

  it("lets only the facilitator change the status, with an undo", async () => {
    const path = `/api/lessons/${lessonId}/status`;
    for (const who of [people.editor, people.commenter, people.viewer]) {
      expect((await api(path, who.cookie, { method: "PATCH", json: { status: "validated" } })).status).toBe(
        403,
      );
    }
    expect(
      (await api(path, people.outsider.cookie, { method: "PATCH", json: { status: "validated" } })).status,
    ).toBe(404);
    expect((await api(path, "", { method: "PATCH", json: { status: "validated" } })).status).toBe(401);
    const done = await api(path, people.facilitator.cookie, {
      method: "PATCH",
      json: { status: "in_handbook" },
    });
    expect(done.body.lesson).toMatchObject({ status: "in_handbook", previousStatus: "candidate" });
    const undone = await api(path, people.facilitator.cookie, {
      method: "PATCH",
      json: { status: done.body.lesson.previousStatus },
    });
    expect(undone.body.lesson.status).toBe("candidate");
    await api(path, people.facilitator.cookie, { method: "PATCH", json: { status: "validated" } });
    const bad = await api(path, people.facilitator.cookie, {
      method: "PATCH",
      json: { status: "published" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("status");
  });

  it("takes endorsements and objections from facilitators, editors and commenters, not viewers", async () => {
    const path = `/api/lessons/${lessonId}/stance`;
    expect(
      (await api(path, people.viewer.cookie, { method: "PUT", json: { stance: "endorse" } })).status,
    ).toBe(403);
    expect(
      (await api(path, people.outsider.cookie, { method: "PUT", json: { stance: "endorse" } })).status,
    ).toBe(404);
    const c = await api(path, people.commenter.cookie, {
      method: "PUT",
      json: { stance: "endorse", reason: "Herkenbaar" },
    });
    expect(c.status).toBe(200);
    expect(c.body.lesson.myStance).toBe("endorse");
    await api(path, people.editor.cookie, {
      method: "PUT",
      json: { stance: "object", reason: "Niet overal" },
    });
    await api(path, people.facilitator.cookie, { method: "PUT", json: { stance: "endorse" } });
    const [lesson] = await lessons();
    expect(lesson.endorsements.map((s) => s.userName).sort()).toEqual(["Cas Commenter", "Fien Facilitator"]);
    expect(lesson.objections).toEqual([
      expect.objectContaining({ userName: "Eddy Editor", reason: "Niet overal" }),
    ]);
    const long = await api(path, people.commenter.cookie, {
      method: "PUT",
      json: { stance: "object", reason: "x".repeat(501) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe("reason");
  });

  it("keeps id, status and stances when the block is edited and moved", async () => {
    await client.edit(() => {
      const [lesson] = $lessons();
      lesson.setKind("bottleneck").setThemes([themeA, themeB]);
      lesson.getFirstChild()?.remove();
      lesson.append($createTextNode("Niemand hield de dienstenwijzer bij"));
      const first = $getRoot().getFirstChild() as LexicalNode;
      first.insertBefore(lesson);
    });
    await expect
      .poll(async () => (await lessons())[0]?.text, { timeout: 10_000 })
      .toBe("Niemand hield de dienstenwijzer bij");
    const [lesson] = await lessons();
    expect(lesson).toMatchObject({ id: lessonId, kind: "bottleneck", status: "validated" });
    expect(lesson.themes.map((t) => t.id).sort()).toEqual([themeA, themeB].sort());
    expect(lesson.endorsements).toHaveLength(2);
  });

  it("filters by kind, theme, case, centre city, outcome and status, with counts", async () => {
    await client.edit(() => {
      $getRoot().append(
        $createLessonNode("do", [themeB]).append($createTextNode("Werk samen met buurgemeenten")),
      );
    });
    await expect.poll(async () => (await lessons()).length, { timeout: 10_000 }).toBe(2);
    const all = await api(`/api/workspaces/${people.workspaceId}/lessons`, people.viewer.cookie);
    expect(all.body.counts.byKind).toEqual({ bottleneck: 1, do: 1 });
    expect(all.body.counts.byTheme).toEqual({ [themeA]: 1, [themeB]: 2 });
    expect((await lessons("?kind=do")).map((l) => l.kind)).toEqual(["do"]);
    expect((await lessons("?kind=do&kind=bottleneck")).length).toBe(2);
    expect((await lessons(`?theme=${themeA}`)).map((l) => l.id)).toEqual([lessonId]);
    expect((await lessons(`?case=${documentId}&outcome=struggled&centreCity=0`)).length).toBe(2);
    expect((await lessons("?centreCity=1")).length).toBe(0);
    expect((await lessons("?status=validated")).map((l) => l.id)).toEqual([lessonId]);
    const bad = await api(`/api/workspaces/${people.workspaceId}/lessons?kind=maybe`, people.viewer.cookie);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("kind");
    expect((await api(`/api/workspaces/${people.workspaceId}/lessons`, people.outsider.cookie)).status).toBe(
      404,
    );
  });

  it("merges themes: lessons move to the remaining theme, also after the next edit", async () => {
    const merged = await api(`/api/themes/${themeA}/merge`, people.facilitator.cookie, {
      method: "POST",
      json: { intoThemeId: themeB },
    });
    expect(merged.status).toBe(200);
    expect((await lessons()).every((l) => l.themes.every((t) => t.id === themeB))).toBe(true);
    await client.edit(() => {
      $lessons()[0].append($createTextNode("."));
    });
    await expect.poll(async () => (await lessons())[0]?.text, { timeout: 10_000 }).toMatch(/\.$/);
    expect((await lessons())[0].themes).toEqual([{ id: themeB, name: "Kleine gemeenten" }]);
    const list = await api(`/api/workspaces/${people.workspaceId}/themes`, people.viewer.cookie);
    expect(list.body.themes.map((t: { id: string }) => t.id)).toEqual([themeB]);
    // Blocks that still name the merged theme resolve to the remaining one on the client too.
    expect(list.body.aliases).toEqual({ [themeA]: themeB });
  });

  it("marks a lesson deleted when its block is removed", async () => {
    await client.edit(() => {
      $lessons()
        .find((l) => l.getLessonId() === lessonId)
        ?.remove();
    });
    await expect
      .poll(async () => (await lessons()).map((l) => l.id), { timeout: 10_000 })
      .not.toContain(lessonId);
    expect((await api(`/api/lessons/${lessonId}`, people.viewer.cookie)).status).toBe(404);
  });
});
