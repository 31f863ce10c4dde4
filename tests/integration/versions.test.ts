import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { $createLessonNode, $isLessonNode } from "../../shared/editor";
import type { Lesson } from "../../shared/schemas/lessons";
import type { VersionSummary } from "../../shared/schemas/versions";
import { apiCall } from "../helpers/api-client";
import { workspaceWithRoles } from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
const openClients: LexicalClient[] = [];

const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie, init);

/** The text an editor shows, one line per top-level block. */
const textOf = (client: LexicalClient) =>
  client.editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => block.getTextContent())
      .join("\n"),
  );

async function open(documentId: string, cookie: string): Promise<LexicalClient> {
  const client = await lexicalClient(server.url, documentId, cookie);
  openClients.push(client);
  return client;
}

/** A meeting's minutes with an agreed paragraph and a validated lesson, written by the editor. */
async function minutesScenario() {
  const people = await workspaceWithRoles(server.themawerk);
  const created = await api(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
    method: "POST",
    json: { title: "Verslag bijeenkomst 3", kind: "note" },
  });
  expect(created.status).toBe(201);
  const documentId: string = created.body.document.id;
  const editor = await open(documentId, people.editor.cookie);
  await editor.edit(() => {
    $getRoot()
      .clear()
      .append(
        $createParagraphNode().append($createTextNode("Afgesproken: de gemeente voert de regie.")),
        $createLessonNode("pitfall").append($createTextNode("Geen vaste regisseur aanstellen.")),
      );
  });
  const lessonId = editor.editor
    .getEditorState()
    .read(() => $getRoot().getChildren().find($isLessonNode)?.getLessonId() as string);
  const lessons = async (): Promise<Lesson[]> =>
    (await api(`/api/workspaces/${people.workspaceId}/lessons`, people.viewer.cookie)).body.lessons;
  await expect.poll(async () => (await lessons()).map((l) => l.id), { timeout: 10_000 }).toEqual([lessonId]);
  const validated = await api(`/api/lessons/${lessonId}/status`, people.facilitator.cookie, {
    method: "PATCH",
    json: { status: "validated" },
  });
  expect(validated.status).toBe(200);
  return { people, documentId, editor, lessonId, lessons };
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

describe("version history", () => {
  it("names a version, restores it as a live edit that keeps the lesson, and undoes the restore", async () => {
    const { people, documentId, editor, lessonId, lessons } = await minutesScenario();
    const named = await api(`/api/documents/${documentId}/versions`, people.editor.cookie, {
      method: "POST",
      json: { name: "Na bijeenkomst 3" },
    });
    expect(named.status).toBe(201);
    const version: VersionSummary = named.body.version;
    expect(version).toMatchObject({
      kind: "named",
      name: "Na bijeenkomst 3",
      createdBy: { id: people.editor.id },
    });

    // One wrong select-all and delete.
    await editor.edit(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode("Alles weg.")));
    });
    await expect.poll(async () => (await lessons()).length, { timeout: 10_000 }).toBe(0);
    const watcher = await open(documentId, people.facilitator.cookie);
    expect(textOf(watcher)).toBe("Alles weg.");

    for (const role of ["viewer", "commenter"] as const) {
      const refused = await api(
        `/api/documents/${documentId}/versions/${version.id}/restore`,
        people[role].cookie,
        {
          method: "POST",
          json: {},
        },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    expect(textOf(watcher)).toBe("Alles weg.");

    const restored = await api(
      `/api/documents/${documentId}/versions/${version.id}/restore`,
      people.editor.cookie,
      {
        method: "POST",
        json: {},
      },
    );
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      changed: true,
      version: { kind: "restore", restoredFrom: version.id },
    });
    const expected = "Afgesproken: de gemeente voert de regie.\nGeen vaste regisseur aanstellen.";
    // Both editors see it on their open connection, and a fresh one reads it from the server.
    await expect.poll(() => textOf(watcher), { timeout: 5_000 }).toBe(expected);
    await expect.poll(() => textOf(editor), { timeout: 5_000 }).toBe(expected);
    expect(textOf(await open(documentId, people.viewer.cookie))).toBe(expected);
    // The lesson is the same lesson again, with the status it had.
    await expect
      .poll(async () => (await lessons()).map((l) => [l.id, l.status]), { timeout: 10_000 })
      .toEqual([[lessonId, "validated"]]);

    // The state before the restore was kept: restoring it undoes the restore.
    const undo = await api(
      `/api/documents/${documentId}/versions/${restored.body.undoVersionId}/restore`,
      people.facilitator.cookie,
      { method: "POST", json: {} },
    );
    expect(undo.status).toBe(200);
    await expect.poll(() => textOf(watcher), { timeout: 5_000 }).toBe("Alles weg.");
    expect(textOf(await open(documentId, people.viewer.cookie))).toBe("Alles weg.");

    const list = await api(`/api/documents/${documentId}/versions`, people.viewer.cookie);
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v: VersionSummary) => v.kind)).toEqual([
      "restore",
      "restore",
      "auto",
      "named",
    ]);
    expect(list.body.versions[0].storedBytes).toBeGreaterThan(0);

    const detail = await api(`/api/documents/${documentId}/versions/${version.id}`, people.commenter.cookie);
    expect(detail.status).toBe(200);
    expect(detail.body.version.plainText).toBe(expected);
    expect(detail.body.version.contributors).toEqual([{ id: people.editor.id, name: expect.any(String) }]);
    expect(JSON.stringify(detail.body.version.lexicalJson)).toContain(lessonId);
  });

  it("restores one block of a version in its place, leaving later text alone", async () => {
    const { people, documentId, editor } = await minutesScenario();
    const named = await api(`/api/documents/${documentId}/versions`, people.editor.cookie, {
      method: "POST",
      json: { name: "Voor de herziening" },
    });
    await editor.edit(() => {
      const [first] = $getRoot().getChildren();
      first.remove();
      $getRoot().append($createParagraphNode().append($createTextNode("Later toegevoegd.")));
    });
    // Restore only once the server holds the edit.
    await expect
      .poll(
        async () =>
          (
            await api(
              `/api/documents/${documentId}/versions/${named.body.version.id}/diff`,
              people.viewer.cookie,
            )
          ).body.counts?.removed,
        { timeout: 5_000 },
      )
      .toBe(1);
    const res = await api(
      `/api/documents/${documentId}/versions/${named.body.version.id}/restore`,
      people.editor.cookie,
      {
        method: "POST",
        json: { blockIndex: 0 },
      },
    );
    expect(res.status).toBe(200);
    await expect
      .poll(() => textOf(editor), { timeout: 5_000 })
      .toBe("Afgesproken: de gemeente voert de regie.\nGeen vaste regisseur aanstellen.\nLater toegevoegd.");
  });

  it("shows what changed from a version to now and between two versions, lessons with their kind", async () => {
    const { people, documentId, editor, lessonId } = await minutesScenario();
    const take = async (name: string) =>
      (
        await api(`/api/documents/${documentId}/versions`, people.editor.cookie, {
          method: "POST",
          json: { name },
        })
      ).body.version.id as string;
    const first = await take("Voor");
    await editor.edit(() => {
      const [paragraph] = $getRoot().getChildren();
      paragraph.remove();
      $getRoot()
        .getChildren()[0]
        .insertBefore(
          $createParagraphNode().append($createTextNode("Afgesproken: de provincie voert de regie.")),
        );
      $getRoot().append($createParagraphNode().append($createTextNode("Volgende keer: evaluatie.")));
    });
    // The edit reaches the server on its own time: wait for it there.
    const diffNow = () => api(`/api/documents/${documentId}/versions/${first}/diff`, people.viewer.cookie);
    await expect.poll(async () => (await diffNow()).body.counts?.added, { timeout: 5_000 }).toBe(1);
    const now = await diffNow();
    expect(now.status).toBe(200);
    expect(now.body.counts).toEqual({ added: 1, removed: 0, changed: 1, same: 1 });
    expect(now.body.to).toMatchObject({ versionId: null });
    const [changed, lesson, added] = now.body.blocks;
    expect(changed).toMatchObject({ op: "changed", type: "paragraph", topIndex: 0 });
    expect(changed.words).toContainEqual({ op: "added", text: "provincie" });
    expect(changed.words).toContainEqual({ op: "removed", text: "gemeente" });
    expect(lesson).toMatchObject({ op: "same", type: "lesson", lessonKind: "pitfall", lessonId });
    expect(added).toMatchObject({ op: "added", after: "Volgende keer: evaluatie." });

    const second = await take("Na");
    const between = await api(
      `/api/documents/${documentId}/versions/${first}/diff?to=${second}`,
      people.commenter.cookie,
    );
    expect(between.body.counts).toEqual(now.body.counts);
    expect(between.body.to).toMatchObject({ versionId: second });
    expect(
      (await api(`/api/documents/${documentId}/versions/${first}/diff?to=nope!`, people.viewer.cookie))
        .status,
    ).toBe(400);
    expect(
      (
        await api(
          `/api/documents/${documentId}/versions/${first}/diff?to=zzzzzzzzzzzzzzzz`,
          people.viewer.cookie,
        )
      ).status,
    ).toBe(404);
    expect(
      (await api(`/api/documents/${documentId}/versions/${first}/diff`, people.outsider.cookie)).status,
    ).toBe(404);
  });

  it("answers bad requests with the JSON error shape and changes nothing", async () => {
    const { people, documentId, editor } = await minutesScenario();
    const named = await api(`/api/documents/${documentId}/versions`, people.editor.cookie, {
      method: "POST",
      json: { name: "Stand" },
    });
    const versionId = named.body.version.id;
    const cases: Array<[string, string, unknown, number, string]> = [
      [`/api/documents/${documentId}/versions`, people.editor.cookie, { name: "" }, 400, "validation_failed"],
      [
        `/api/documents/${documentId}/versions`,
        people.editor.cookie,
        { name: "a\tb" },
        400,
        "validation_failed",
      ],
      [`/api/documents/${documentId}/versions`, people.viewer.cookie, { name: "Stand" }, 403, "forbidden"],
      [
        `/api/documents/${documentId}/versions/${versionId}/restore`,
        people.editor.cookie,
        { blockIndex: 7 },
        400,
        "validation_failed",
      ],
      [
        `/api/documents/${documentId}/versions/${versionId}/restore`,
        people.editor.cookie,
        { blockIndex: -1 },
        400,
        "validation_failed",
      ],
      [
        `/api/documents/${documentId}/versions/${versionId}/restore`,
        people.editor.cookie,
        { extra: 1 },
        400,
        "validation_failed",
      ],
      [
        `/api/documents/${documentId}/versions/zzzzzzzzzzzzzzzz/restore`,
        people.editor.cookie,
        {},
        404,
        "not_found",
      ],
    ];
    for (const [path, cookie, json, status, code] of cases) {
      const res = await api(path, cookie, { method: "POST", json });
      expect([path, res.status, res.body.error?.code]).toEqual([path, status, code]);
    }
    const stranger = people.outsider.cookie;
    expect((await api(`/api/documents/${documentId}/versions`, stranger)).status).toBe(404);
    expect((await api(`/api/documents/${documentId}/versions/${versionId}`, stranger)).status).toBe(404);
    const list = await api(`/api/documents/${documentId}/versions`, people.viewer.cookie);
    expect(list.body.versions).toHaveLength(1);
    expect(textOf(editor)).toBe("Afgesproken: de gemeente voert de regie.\nGeen vaste regisseur aanstellen.");
  });
});
