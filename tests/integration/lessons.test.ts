import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from "lexical";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LessonKind } from "../../shared/lessons";
import { $createLessonNode, $isLessonNode, type LessonNode } from "../../shared/editor";
import type { Lesson } from "../../shared/schemas/lessons";
import { apiCall } from "../helpers/api-client";
import { workspaceWithRoles } from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
/** Editors opened by the running test, closed after it. */
const openClients: LexicalClient[] = [];

const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie, init);

function $lessons(): LessonNode[] {
  return $getRoot().getChildren().filter($isLessonNode);
}

/**
 * What each test starts from, of its own so it passes alone: a workspace with one member per role,
 * two themes, a struggled case in Teststad and an editor's Lexical client on it.
 */
async function caseScenario() {
  const people = await workspaceWithRoles(server.themawerk);
  const f = people.facilitator.cookie;
  const theme = async (name: string): Promise<string> => {
    const res = await api(`/api/workspaces/${people.workspaceId}/themes`, f, {
      method: "POST",
      json: { name },
    });
    expect(res.status).toBe(201);
    return res.body.theme.id;
  };
  const themeA = await theme("Dienstenwijzer");
  const themeB = await theme("Kleine gemeenten");
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
  const documentId: string = created.body.document.id;
  const client = await lexicalClient(server.url, documentId, people.editor.cookie);
  openClients.push(client);

  async function lessons(query = ""): Promise<Lesson[]> {
    const res = await api(`/api/workspaces/${people.workspaceId}/lessons${query}`, people.viewer.cookie);
    expect(res.status).toBe(200);
    return res.body.lessons;
  }

  /** Appends lesson blocks (after an introduction paragraph) and waits until the server lists them; their ids. */
  async function writeLessons(blocks: Array<[LessonKind, string[], string]>): Promise<string[]> {
    await client.edit(() => {
      $getRoot().append(
        $createParagraphNode().append($createTextNode("Inleiding")),
        ...blocks.map(([kind, themes, text]) =>
          $createLessonNode(kind, themes).append($createTextNode(text)),
        ),
      );
    });
    const ids = client.editor.getEditorState().read(() => $lessons().map((l) => l.getLessonId()));
    await expect
      .poll(async () => (await lessons()).map((l) => l.id).sort(), { timeout: 10_000 })
      .toEqual([...ids].sort());
    return ids;
  }

  const setStatus = (lessonId: string, status: string) =>
    api(`/api/lessons/${lessonId}/status`, f, { method: "PATCH", json: { status } });

  return { people, themeA, themeB, documentId, client, lessons, writeLessons, setStatus };
}

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(() => {
  for (const client of openClients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

describe("lessons extracted from real Lexical editing through the server", () => {
  it("finds a new lesson block with its kind, themes, text and case", async () => {
    const { people, themeA, documentId, client, lessons } = await caseScenario();
    await client.edit(() => {
      const lesson = $createLessonNode("pitfall", [themeA]).append(
        $createTextNode("De dienstenwijzer raakte verouderd"),
      );
      $getRoot().append($createParagraphNode().append($createTextNode("Inleiding")), lesson);
    });
    const lessonId = client.editor.getEditorState().read(() => $lessons()[0].getLessonId());
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
    const { people, themeA, writeLessons } = await caseScenario();
    const [lessonId] = await writeLessons([["pitfall", [themeA], "De dienstenwijzer raakte verouderd"]]);
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
    const validated = await api(path, people.facilitator.cookie, {
      method: "PATCH",
      json: { status: "validated" },
    });
    expect(validated.body.lesson.status).toBe("validated");
    const bad = await api(path, people.facilitator.cookie, {
      method: "PATCH",
      json: { status: "published" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("status");
  });

  it("takes endorsements and objections from facilitators, editors and commenters, not viewers", async () => {
    const { people, themeA, writeLessons, lessons } = await caseScenario();
    const [lessonId] = await writeLessons([["pitfall", [themeA], "De dienstenwijzer raakte verouderd"]]);
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
    const { people, themeA, themeB, client, writeLessons, lessons, setStatus } = await caseScenario();
    const [lessonId] = await writeLessons([["pitfall", [themeA], "De dienstenwijzer raakte verouderd"]]);
    expect((await setStatus(lessonId, "validated")).status).toBe(200);
    for (const who of [people.commenter, people.facilitator]) {
      const res = await api(`/api/lessons/${lessonId}/stance`, who.cookie, {
        method: "PUT",
        json: { stance: "endorse" },
      });
      expect(res.status).toBe(200);
    }
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
    expect(client.editor.getEditorState().read(() => $getRoot().getFirstChild()?.getType())).toBe("lesson");
  });

  it("filters by kind, theme, case, centre city, outcome and status, with counts", async () => {
    const { people, themeA, themeB, documentId, writeLessons, lessons, setStatus } = await caseScenario();
    const [lessonId] = await writeLessons([
      ["bottleneck", [themeA, themeB], "Niemand hield de dienstenwijzer bij"],
      ["do", [themeB], "Werk samen met buurgemeenten"],
    ]);
    expect((await setStatus(lessonId, "validated")).status).toBe(200);
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
    const { people, themeA, themeB, client, writeLessons, lessons } = await caseScenario();
    const [first] = await writeLessons([
      ["bottleneck", [themeA, themeB], "Niemand hield de dienstenwijzer bij"],
      ["do", [themeA], "Werk samen met buurgemeenten"],
    ]);
    const merged = await api(`/api/themes/${themeA}/merge`, people.facilitator.cookie, {
      method: "POST",
      json: { intoThemeId: themeB },
    });
    expect(merged.status).toBe(200);
    expect((await lessons()).every((l) => l.themes.every((t) => t.id === themeB))).toBe(true);
    await client.edit(() => {
      $lessons()[0].append($createTextNode("."));
    });
    const firstText = async () => (await lessons()).find((l) => l.id === first)?.text;
    await expect.poll(firstText, { timeout: 10_000 }).toMatch(/\.$/);
    for (const lesson of await lessons())
      expect(lesson.themes).toEqual([{ id: themeB, name: "Kleine gemeenten" }]);
    const list = await api(`/api/workspaces/${people.workspaceId}/themes`, people.viewer.cookie);
    expect(list.body.themes.map((t: { id: string }) => t.id)).toEqual([themeB]);
    // Blocks that still name the merged theme resolve to the remaining one on the client too.
    expect(list.body.aliases).toEqual({ [themeA]: themeB });
  });

  it("marks a lesson deleted when its block is removed", async () => {
    const { people, themeA, client, writeLessons, lessons } = await caseScenario();
    const [lessonId, kept] = await writeLessons([
      ["pitfall", [themeA], "De dienstenwijzer raakte verouderd"],
      ["do", [themeA], "Werk samen met buurgemeenten"],
    ]);
    await client.edit(() => {
      $lessons()
        .find((l) => l.getLessonId() === lessonId)
        ?.remove();
    });
    await expect.poll(async () => (await lessons()).map((l) => l.id), { timeout: 10_000 }).toEqual([kept]);
    expect((await api(`/api/lessons/${lessonId}`, people.viewer.cookie)).status).toBe(404);
  });
});
