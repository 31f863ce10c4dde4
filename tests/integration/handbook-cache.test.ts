import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type LexicalNode } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $createLessonNode } from "../../shared/editor";
import type { Handbook } from "../../shared/schemas/handbook";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { createLogger } from "../../server/logger";
import { type ApiAnswer, apiCall } from "../helpers/api-client";
import { addMember, createDocument, createUser, workspaceWithRoles } from "../helpers/fixtures";
import { lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

// The compiled handbook is cached per workspace: viewers asking at once share one compile, every
// change that shows in it (edits that settle, lessons, themes, chapter links, evidence, outline,
// trash, the workspace's name) makes the next preview compile again, and access is checked on
// every request. Compiles are counted from the service's "handbook compiled" log line.

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
const logged: Array<{ msg: string; workspaceId?: string }> = [];
let themeId: string;
let chapterId: string;
let recommendationId: string;
let caseId: string;
const lessonIds: string[] = [];

const compiles = () =>
  logged.filter((l) => l.msg === "handbook compiled" && l.workspaceId === people.workspaceId).length;
const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}): Promise<ApiAnswer> =>
  apiCall(server.url, path, cookie, init);
const f = () => people.facilitator.cookie;

async function preview(cookie = people.viewer.cookie): Promise<Handbook> {
  const res = await api(`/api/workspaces/${people.workspaceId}/handbook`, cookie);
  expect(res.status).toBe(200);
  return res.body.handbook;
}

/** Writes a document's whole text through the collaboration server, as an editor's edit would. */
async function write(documentId: string, nodes: () => LexicalNode[]) {
  const update = encodeDocumentUpdate(() => {
    $getRoot()
      .clear()
      .append(...nodes());
  });
  await server.themawerk.collab.applyServerUpdate(documentId, update, people.editor.id);
}

const paragraph = (text: string) => $createParagraphNode().append($createTextNode(text));

/** Changes one block's text in place, as an editor typing in the browser would (a real Lexical client). */
async function editBlock(documentId: string, oldText: string, newText: string) {
  const client = await lexicalClient(server.url, documentId, people.editor.cookie);
  try {
    await client.edit(() => {
      const block = $getRoot()
        .getChildren()
        .find((node) => node.getTextContent() === oldText);
      if (!block || !$isElementNode(block)) throw new Error(`no block "${oldText}" in ${documentId}`);
      block.clear().append($createTextNode(newText));
    });
  } finally {
    client.destroy();
  }
}

/** Resolves once the workspace's lessons include this text (the case document's edit settled and synced). */
async function lessonSynced(text: string) {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    const lessons = (await api(`/api/workspaces/${people.workspaceId}/lessons`, f())).body.lessons as Array<{
      text: string;
    }>;
    if (lessons.some((l) => l.text === text)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no lesson "${text}" within 15 s`);
}

/** Resolves once the document's edits settled: its extracted text is stored. */
async function settled(documentId: string, text: string) {
  const db = server.themawerk.database.db;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    const row = await db
      .selectFrom("documents")
      .select("plain_text")
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    if (row.plain_text.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`document ${documentId} did not settle with "${text}" within 15 s`);
}

const chapterText = (h: Handbook) => h.chapters.flatMap((c) => c.text.map((b) => b.text));
const lessonTexts = (h: Handbook) =>
  h.chapters.flatMap((c) => c.groups.flatMap((g) => g.lessons.map((l) => l.text)));

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      logger: createLogger("debug", (line) => void logged.push(JSON.parse(line))),
      collabSettings: { settleDebounceMs: 30, settleMaxWaitMs: 200 },
    },
  );
  people = await workspaceWithRoles(server.themawerk);
  const ws = people.workspaceId;
  themeId = (await api(`/api/workspaces/${ws}/themes`, f(), { method: "POST", json: { name: "Ontsluiten" } }))
    .body.theme.id;
  caseId = (
    await api(`/api/workspaces/${ws}/documents`, f(), {
      method: "POST",
      json: { title: "Casus Stad", kind: "case", municipality: "Stad", outcome: "succeeded" },
    })
  ).body.document.id;
  await write(caseId, () => [
    $createLessonNode("do", [themeId]).append($createTextNode("Een vaste verantwoordelijke per wijzer.")),
    $createLessonNode("pitfall", [themeId]).append($createTextNode("Niemand hield de wijzer bij.")),
  ]);
  await settled(caseId, "Niemand hield");
  for (const deadline = Date.now() + 15_000; lessonIds.length < 2 && Date.now() < deadline; ) {
    const lessons = (await api(`/api/workspaces/${ws}/lessons`, f())).body.lessons as Array<{
      id: string;
      text: string;
    }>;
    lessonIds.splice(
      0,
      lessonIds.length,
      ...lessons.sort((a, b) => a.text.localeCompare(b.text)).map((l) => l.id),
    );
    if (lessonIds.length < 2) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // lessonIds[0]: "Een vaste …" (validated now), lessonIds[1]: "Niemand …" (validated in a test).
  expect(lessonIds).toHaveLength(2);
  expect(
    (
      await api(`/api/lessons/${lessonIds[0]}/status`, f(), {
        method: "PATCH",
        json: { status: "validated" },
      })
    ).status,
  ).toBe(200);

  chapterId = await createDocument(server.themawerk, ws, people.editor, "Hoofdstuk ontsluiten", "chapter");
  await write(chapterId, () => [paragraph("Het aanbod moet vindbaar zijn.")]);
  expect(
    (await api(`/api/documents/${chapterId}/chapter-theme`, f(), { method: "PUT", json: { themeId } }))
      .status,
  ).toBe(200);
  recommendationId = await createDocument(server.themawerk, ws, people.editor, "Eén loket", "recommendation");
  await write(recommendationId, () => [paragraph("Elke gemeente opent één loket.")]);
  // Settled before the tests count compiles, so no late settle bumps a document meanwhile.
  await settled(chapterId, "vindbaar");
  await settled(recommendationId, "loket");
});

afterAll(async () => {
  await server?.close();
});

describe("the compiled handbook cache", () => {
  it("ten members asking at once share one compile; the next preview compiles nothing", async () => {
    const before = compiles();
    const who = [people.viewer, people.commenter, people.editor, people.facilitator];
    const handbooks = await Promise.all(
      Array.from({ length: 10 }, (_, i) => preview(who[i % who.length].cookie)),
    );
    expect(compiles() - before).toBe(1);
    expect(new Set(handbooks.map((h) => JSON.stringify(h))).size).toBe(1);
    expect(chapterText(handbooks[0])).toEqual(["Het aanbod moet vindbaar zijn."]);
    expect(lessonTexts(handbooks[0])).toEqual(["Een vaste verantwoordelijke per wijzer."]);

    await preview();
    const md = await fetch(`${server.url}/api/workspaces/${people.workspaceId}/handbook/export.md`, {
      headers: { Cookie: people.viewer.cookie },
    });
    expect(await md.text()).toContain("Het aanbod moet vindbaar zijn.");
    expect(compiles() - before).toBe(1);
  });

  // Each change, then: the next preview shows it, and the one after compiles nothing more.
  const changes: Array<[string, () => Promise<void>, (h: Handbook) => void]> = [
    [
      "a lesson is validated",
      async () => {
        await api(`/api/lessons/${lessonIds[1]}/status`, f(), {
          method: "PATCH",
          json: { status: "validated" },
        });
      },
      (h) => expect(lessonTexts(h)).toContain("Niemand hield de wijzer bij."),
    ],
    [
      "a lesson is edited in its case and the edit settles",
      async () => {
        await editBlock(
          caseId,
          "Een vaste verantwoordelijke per wijzer.",
          "Twee vaste verantwoordelijken per wijzer.",
        );
        await lessonSynced("Twee vaste verantwoordelijken per wijzer.");
      },
      (h) =>
        expect(lessonTexts(h)).toEqual([
          "Twee vaste verantwoordelijken per wijzer.",
          "Niemand hield de wijzer bij.",
        ]),
    ],
    [
      "the chapter text is edited and the edit settles",
      async () => {
        await editBlock(
          chapterId,
          "Het aanbod moet vindbaar zijn.",
          "Het aanbod moet op één plek vindbaar zijn.",
        );
        await settled(chapterId, "op één plek");
      },
      (h) => expect(chapterText(h)).toEqual(["Het aanbod moet op één plek vindbaar zijn."]),
    ],
    [
      "the theme is renamed",
      async () => {
        await api(`/api/themes/${themeId}`, f(), { method: "PATCH", json: { name: "Aanbod ontsluiten" } });
      },
      (h) => expect(h.chapters.map((c) => c.theme.name)).toEqual(["Aanbod ontsluiten"]),
    ],
    [
      "another chapter document is linked to the theme",
      async () => {
        const second = await createDocument(
          server.themawerk,
          people.workspaceId,
          people.editor,
          "Tweede hoofdstuk",
          "chapter",
        );
        await write(second, () => [paragraph("Een tweede inleiding.")]);
        await settled(second, "tweede inleiding");
        await api(`/api/documents/${second}/chapter-theme`, f(), { method: "PUT", json: { themeId } });
      },
      (h) => expect(chapterText(h)).toContain("Een tweede inleiding."),
    ],
    [
      "a lesson is cited as evidence of the recommendation",
      async () => {
        await api(`/api/documents/${recommendationId}/evidence/${lessonIds[0]}`, f(), { method: "PUT" });
      },
      (h) => expect(h.recommendations[0].evidence.map((l) => l.id)).toEqual([lessonIds[0]]),
    ],
    [
      "the workspace is renamed",
      async () => {
        await api(`/api/workspaces/${people.workspaceId}`, f(), {
          method: "PATCH",
          json: { name: "Regiewerking" },
        });
      },
      (h) => expect(h.title).toContain("Regiewerking"),
    ],
    [
      "the recommendation goes to the trash",
      async () => {
        await api(`/api/documents/${recommendationId}`, f(), { method: "DELETE" });
      },
      (h) => expect(h.recommendations).toEqual([]),
    ],
    [
      "the facilitator leaves the theme out of the outline",
      async () => {
        await api(`/api/workspaces/${people.workspaceId}/handbook/outline`, f(), {
          method: "PUT",
          json: { themeIds: [] },
        });
      },
      (h) => expect(h.chapters).toEqual([]),
    ],
  ];

  for (const [change, make, shows] of changes) {
    it(`shows the change in the next preview when ${change}`, async () => {
      await preview();
      const before = compiles();
      await make();
      shows(await preview());
      const after = compiles();
      expect(after).toBeGreaterThan(before);
      await preview(people.commenter.cookie);
      expect(compiles()).toBe(after);
    });
  }

  it("still checks access on every request: outsiders, anonymous callers and a removed member are refused", async () => {
    await preview();
    const before = compiles();
    const path = `/api/workspaces/${people.workspaceId}/handbook`;
    expect((await api(path, people.outsider.cookie)).status).toBe(404);
    expect((await api(`${path}/export.md`, people.outsider.cookie)).status).toBe(404);
    expect((await api(path, "")).status).toBe(401);

    const leaving = await createUser(server.themawerk, "Lena Leaving");
    await addMember(server.themawerk, people.workspaceId, leaving, "viewer");
    expect((await api(path, leaving.cookie)).status).toBe(200);
    const removed = await api(`/api/workspaces/${people.workspaceId}/members/${leaving.id}`, f(), {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    expect((await api(path, leaving.cookie)).status).toBe(404);
    expect(compiles()).toBe(before);
  });
});
