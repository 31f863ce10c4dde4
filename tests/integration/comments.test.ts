import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type TextNode,
} from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createLessonNode, $isLessonNode } from "../../shared/editor";
import type { CommentThread } from "../../shared/schemas/comments";
import { apiCall } from "../helpers/api-client";
import { type CollabClient, collabClient } from "../helpers/collab-clients";
import { anchorFor, b64 } from "../helpers/comment-anchor";
import { addMember, createUser, workspaceWithRoles } from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let secondCommenter: { id: string; cookie: string };
let documentId: string;
let writerA: LexicalClient;
let writerB: LexicalClient;
let reader: CollabClient;

const PASSAGE = "De kern van de zaak staat hier.";

const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie, init);
const post = (path: string, cookie: string, json: unknown = {}) =>
  api(path, cookie, { method: "POST", json });

function $textNode(): TextNode {
  const paragraph = $getRoot().getFirstChild();
  const text = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
  if (!$isTextNode(text)) throw new Error("no text node");
  return text;
}

async function thread(id: string, cookie = people.viewer.cookie): Promise<CommentThread> {
  const res = await api(`/api/threads/${id}`, cookie);
  expect(res.status).toBe(200);
  return res.body.thread;
}

/** Waits until a condition holds (expect.poll is only for tests, not hooks). */
async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
  const other = await createUser(server.themawerk, "Chris Commenter");
  await addMember(server.themawerk, people.workspaceId, other, "commenter");
  secondCommenter = other;
  const created = await post(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
    title: "Verslag",
    kind: "note",
  });
  expect(created.status).toBe(201);
  documentId = created.body.document.id;
  writerA = await lexicalClient(server.url, documentId, people.editor.cookie);
  await writerA.edit(() => {
    $getRoot()
      .clear()
      .append(
        $createParagraphNode().append($createTextNode(`Aan het begin staat dit. ${PASSAGE} Tot slot dit.`)),
      );
  });
  writerB = await lexicalClient(server.url, documentId, people.facilitator.cookie);
  // The commenter's own read-only copy of the document, as in their browser.
  reader = collabClient(server.url, documentId, { cookie: secondCommenter.cookie });
  await reader.synced();
  await waitFor(() => reader.doc.get("root", Y.XmlText).toString().includes("kern"));
  await waitFor(() =>
    writerB.editor
      .getEditorState()
      .read(() => $getRoot().getTextContent())
      .includes(PASSAGE),
  );
});

afterAll(async () => {
  writerA?.destroy();
  writerB?.destroy();
  reader?.destroy();
  await server?.close();
});

describe("passage threads anchored outside the CRDT", () => {
  let threadId: string;

  it("lets a commenter anchor a thread on a passage without editing", async () => {
    const before = Y.encodeStateVector(reader.doc);
    const res = await post(`/api/documents/${documentId}/threads`, secondCommenter.cookie, {
      target: "passage",
      anchor: anchorFor(reader.doc, PASSAGE),
      body: "Klopt dit wel?",
    });
    expect(res.status).toBe(201);
    threadId = res.body.thread.id;
    expect(res.body.thread).toMatchObject({
      target: "passage",
      outdated: false,
      currentQuote: PASSAGE,
      resolved: false,
      createdBy: { id: secondCommenter.id },
      anchor: { quote: PASSAGE },
      messages: [{ body: "Klopt dit wel?", deleted: false }],
    });
    // Commenting did not touch the document.
    expect(Y.encodeStateVector(reader.doc)).toEqual(before);
  });

  it("keeps covering the passage through concurrent edits before and inside it", async () => {
    await Promise.all([
      writerA.edit(() => void $textNode().spliceText(0, 0, "Vooraf: ", false)),
      writerB.edit(() => {
        const node = $textNode();
        const at = node.getTextContent().indexOf("van de zaak");
        node.spliceText(at, 0, "echt ", false);
      }),
    ]);
    const expected = "De kern echt van de zaak staat hier.";
    await expect.poll(async () => (await thread(threadId)).currentQuote, { timeout: 5000 }).toBe(expected);
    const t = await thread(threadId);
    expect(t.outdated).toBe(false);
    expect(t.anchor?.quote).toBe(PASSAGE);
    expect(writerA.editor.getEditorState().read(() => $getRoot().getTextContent())).toContain(
      `Vooraf: Aan het begin`,
    );
  });

  it("marks the thread outdated when the passage is deleted, keeping the quote", async () => {
    await writerA.edit(() => {
      const node = $textNode();
      const text = node.getTextContent();
      const at = text.indexOf("De kern");
      node.spliceText(at, text.indexOf("Tot slot") - at, "", false);
    });
    await expect.poll(async () => (await thread(threadId)).outdated, { timeout: 5000 }).toBe(true);
    const t = await thread(threadId);
    expect(t.anchor?.quote).toBe(PASSAGE);
    expect(t.currentQuote).toBeNull();
    const list = await api(`/api/documents/${documentId}/threads`, people.viewer.cookie);
    expect(list.body.threads.find((x: CommentThread) => x.id === threadId)).toMatchObject({ outdated: true });
  });

  it("refuses anchors that are not positions in this document, and bad input", async () => {
    const path = `/api/documents/${documentId}/threads`;
    const c = secondCommenter.cookie;
    const good = anchorFor(reader.doc, "Tot slot");
    const cases: Array<[unknown, string]> = [
      [{ target: "passage", anchor: { ...good, start: "not base64!" }, body: "x" }, "anchor.start"],
      [{ target: "passage", anchor: { ...good, start: "A".repeat(600) }, body: "x" }, "anchor.start"],
      [{ target: "passage", anchor: { ...good, start: "////" }, body: "x" }, "anchor.start"],
      [{ target: "passage", anchor: { ...good, start: good.end }, body: "x" }, "anchor"],
      [{ target: "passage", anchor: { ...good, start: "AAAA" }, body: "x" }, "anchor"],
      [{ target: "passage", anchor: { ...good, quote: "q".repeat(2001) }, body: "x" }, "anchor.quote"],
      [{ target: "passage", anchor: good, body: "   " }, "body"],
      [{ target: "document", body: "x".repeat(10_001) }, "body"],
      [{ target: "document", body: "x", mentions: [people.outsider.id] }, "mentions"],
      [{ target: "document", body: "x", mentions: ["NOT-AN-ID"] }, "mentions.0"],
      [{ target: "lesson", lessonId: "nope", body: "x" }, "lessonId"],
      [{ target: "elsewhere", body: "x" }, "target"],
    ];
    for (const [json, field] of cases) {
      const res = await post(path, c, json);
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    // A position from another document's history never resolves here.
    const foreign = new Y.Doc();
    const p = new Y.XmlText();
    foreign.get("root", Y.XmlText).insertEmbed(0, p);
    p.insert(0, "Tot slot dit.");
    const res = await post(path, c, {
      target: "passage",
      anchor: {
        start: b64(Y.createRelativePositionFromTypeIndex(p, 0)),
        end: b64(Y.createRelativePositionFromTypeIndex(p, 8, -1)),
        quote: "Tot slot",
      },
      body: "x",
    });
    expect(res.status).toBe(400);
  });
});

describe("lesson and document threads", () => {
  it("anchors a thread on a lesson block and marks it outdated when the block goes", async () => {
    await writerA.edit(() => {
      $getRoot().append($createLessonNode("pitfall", []).append($createTextNode("Te laat begonnen")));
    });
    const lessonId = writerA.editor
      .getEditorState()
      .read(() => $getRoot().getChildren().filter($isLessonNode)[0].getLessonId());
    await expect
      .poll(
        async () =>
          (await api(`/api/workspaces/${people.workspaceId}/lessons`, people.viewer.cookie)).body.lessons
            .length,
        { timeout: 10_000 },
      )
      .toBe(1);
    const res = await post(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      target: "lesson",
      lessonId,
      body: "Herkenbaar",
    });
    expect(res.status).toBe(201);
    expect(res.body.thread).toMatchObject({ target: "lesson", lessonId, anchor: null, outdated: false });
    await writerA.edit(() => {
      for (const node of $getRoot().getChildren().filter($isLessonNode)) node.remove();
    });
    await expect
      .poll(async () => (await thread(res.body.thread.id)).outdated, { timeout: 10_000 })
      .toBe(true);
  });

  it("takes threads on the document as a whole", async () => {
    const res = await post(`/api/documents/${documentId}/threads`, people.viewer.cookie, {
      target: "document",
      body: "Algemeen",
    });
    expect(res.status).toBe(403);
    const ok = await post(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      target: "document",
      body: "Algemeen",
    });
    expect(ok.status).toBe(201);
    expect(ok.body.thread).toMatchObject({
      target: "document",
      anchor: null,
      lessonId: null,
      outdated: false,
    });
  });
});

describe("replies, edits, deletes, resolution and roles", () => {
  let threadId: string;
  let messageId: string;

  beforeAll(async () => {
    const res = await post(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      target: "document",
      body: "Vraag",
    });
    threadId = res.body.thread.id;
    messageId = res.body.thread.messages[0].id;
  });

  it("lets viewers read, commenters and up write, and hides threads from outsiders", async () => {
    expect((await api(`/api/documents/${documentId}/threads`, people.viewer.cookie)).status).toBe(200);
    expect((await api(`/api/threads/${threadId}`, people.viewer.cookie)).status).toBe(200);
    expect(
      (await post(`/api/threads/${threadId}/messages`, people.viewer.cookie, { body: "x" })).status,
    ).toBe(403);
    for (const who of [people.commenter, people.editor, people.facilitator]) {
      expect(
        (await post(`/api/threads/${threadId}/messages`, who.cookie, { body: `Van ${who.name}` })).status,
      ).toBe(201);
    }
    const o = people.outsider.cookie;
    expect((await api(`/api/documents/${documentId}/threads`, o)).status).toBe(404);
    expect((await api(`/api/threads/${threadId}`, o)).status).toBe(404);
    expect(
      (await post(`/api/documents/${documentId}/threads`, o, { target: "document", body: "x" })).status,
    ).toBe(404);
    expect((await post(`/api/threads/${threadId}/messages`, o, { body: "x" })).status).toBe(404);
    expect(
      (await api(`/api/messages/${messageId}`, o, { method: "PATCH", json: { body: "x" } })).status,
    ).toBe(404);
    expect((await api(`/api/messages/${messageId}`, o, { method: "DELETE" })).status).toBe(404);
    expect((await post(`/api/threads/${threadId}/resolve`, o)).status).toBe(404);
    expect((await post(`/api/threads/${threadId}/read`, o)).status).toBe(404);
    expect((await api(`/api/workspaces/${people.workspaceId}/unread`, o)).status).toBe(404);
    expect((await post(`/api/workspaces/${people.workspaceId}/unread/read-all`, o)).status).toBe(404);
    expect((await api(`/api/threads/${threadId}`, "")).status).toBe(401);
    expect((await post(`/api/threads/${threadId}/messages`, "", { body: "x" })).status).toBe(401);
    const noOrigin = await fetch(`${server.url}/api/threads/${threadId}/messages`, {
      method: "POST",
      headers: { Cookie: people.commenter.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ body: "x" }),
    });
    expect(noOrigin.status).toBe(403);
  });

  it("edits and deletes only one's own messages; a deleted message leaves the thread readable", async () => {
    const path = `/api/messages/${messageId}`;
    expect(
      (await api(path, people.facilitator.cookie, { method: "PATCH", json: { body: "Overschreven" } }))
        .status,
    ).toBe(403);
    expect((await api(path, people.facilitator.cookie, { method: "DELETE" })).status).toBe(403);
    const edited = await api(path, people.commenter.cookie, {
      method: "PATCH",
      json: { body: "Vraag, verduidelijkt", mentions: [people.viewer.id] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.message).toMatchObject({
      body: "Vraag, verduidelijkt",
      mentions: [{ id: people.viewer.id, name: "Vera Viewer" }],
    });
    expect(edited.body.message.editedAt).not.toBeNull();
    const deleted = await api(path, people.commenter.cookie, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const t = await thread(threadId);
    expect(t.messages[0]).toMatchObject({ id: messageId, body: null, deleted: true, mentions: [] });
    expect(t.messages.length).toBe(4);
    expect(t.messages.slice(1).every((m) => m.body !== null)).toBe(true);
    expect(
      (await api(path, people.commenter.cookie, { method: "PATCH", json: { body: "Terug" } })).status,
    ).toBe(409);
  });

  it("lets facilitators, editors and the thread's author resolve and reopen", async () => {
    const resolve = `/api/threads/${threadId}/resolve`;
    const reopen = `/api/threads/${threadId}/reopen`;
    expect((await post(resolve, people.viewer.cookie)).status).toBe(403);
    expect((await post(resolve, secondCommenter.cookie)).status).toBe(403);
    const byAuthor = await post(resolve, people.commenter.cookie);
    expect(byAuthor.body.thread).toMatchObject({ resolved: true, resolvedBy: { id: people.commenter.id } });
    expect((await post(reopen, secondCommenter.cookie)).status).toBe(403);
    expect((await post(reopen, people.editor.cookie)).body.thread).toMatchObject({
      resolved: false,
      resolvedBy: null,
    });
    expect((await post(resolve, people.facilitator.cookie)).body.thread.resolved).toBe(true);
    const open = await api(`/api/documents/${documentId}/threads?status=open`, people.viewer.cookie);
    expect(open.body.threads.map((t: CommentThread) => t.id)).not.toContain(threadId);
    const resolved = await api(`/api/documents/${documentId}/threads?status=resolved`, people.viewer.cookie);
    expect(resolved.body.threads.map((t: CommentThread) => t.id)).toEqual([threadId]);
    expect(
      (await api(`/api/documents/${documentId}/threads?status=maybe`, people.viewer.cookie)).status,
    ).toBe(400);
    expect((await post(reopen, people.commenter.cookie)).body.thread.resolved).toBe(false);
  });
});

describe("unread", () => {
  it("shows what is new since the member last looked, mentions first, and marks it read", async () => {
    const unread = () => api(`/api/workspaces/${people.workspaceId}/unread`, people.viewer.cookie);
    expect(
      (await post(`/api/workspaces/${people.workspaceId}/unread/read-all`, people.viewer.cookie)).status,
    ).toBe(204);
    expect((await unread()).body).toEqual({ items: [], total: 0, mentions: 0 });

    const plain = await post(`/api/documents/${documentId}/threads`, people.editor.cookie, {
      target: "document",
      body: "Nieuw",
    });
    const mentioning = await post(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      target: "document",
      body: "@Vera kijk even",
      mentions: [people.viewer.id],
    });
    await post(`/api/threads/${plain.body.thread.id}/messages`, people.facilitator.cookie, {
      body: "Antwoord",
    });
    // The viewer's own activity is never unread for them; the editor's own thread is not unread for the editor.
    const first = (await unread()).body;
    expect(first.items.map((i: { threadId: string }) => i.threadId)).toEqual([
      mentioning.body.thread.id,
      plain.body.thread.id,
    ]);
    expect(first.items[0]).toMatchObject({
      mentioned: true,
      newThread: true,
      unreadCount: 1,
      documentId,
      documentTitle: "Verslag",
    });
    expect(first.items[1]).toMatchObject({ mentioned: false, newThread: true, unreadCount: 2 });
    // Who wrote what: the newest unread message of each thread, by its author.
    expect(first.items[0].latest).toEqual({ author: people.commenter.name, text: "@Vera kijk even" });
    expect(first.items[1].latest).toEqual({ author: people.facilitator.name, text: "Antwoord" });
    expect(first).toMatchObject({ total: 3, mentions: 1 });
    const editorView = (await api(`/api/workspaces/${people.workspaceId}/unread`, people.editor.cookie)).body;
    expect(
      editorView.items.find((i: { threadId: string }) => i.threadId === plain.body.thread.id),
    ).toMatchObject({ unreadCount: 1, newThread: false });

    expect((await post(`/api/threads/${mentioning.body.thread.id}/read`, people.viewer.cookie)).status).toBe(
      204,
    );
    expect((await unread()).body.items.map((i: { threadId: string }) => i.threadId)).toEqual([
      plain.body.thread.id,
    ]);
    await post(`/api/workspaces/${people.workspaceId}/unread/read-all`, people.viewer.cookie);
    expect((await unread()).body.total).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    await post(`/api/threads/${mentioning.body.thread.id}/messages`, people.facilitator.cookie, {
      body: "Nog iets",
    });
    expect((await unread()).body.items).toEqual([
      expect.objectContaining({ threadId: mentioning.body.thread.id, unreadCount: 1, newThread: false }),
    ]);
  });
});
