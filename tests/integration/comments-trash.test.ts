import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;

async function call(path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) {
  const res = await t.request(path, { ...init, cookie });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A document thread (by the commenter) with one message, on a document that is then trashed. */
async function threadOnTrashedDocument() {
  const documentId = await createDocument(
    t.themawerk,
    people.workspaceId,
    people.editor,
    "Naar de prullenbak",
  );
  const created = await call(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
    method: "POST",
    json: { target: "document", body: "Vraag" },
  });
  expect(created.status).toBe(201);
  const trashed = await call(`/api/documents/${documentId}`, people.editor.cookie, { method: "DELETE" });
  expect(trashed.status).toBe(200);
  return {
    documentId,
    threadId: created.body.thread.id as string,
    messageId: created.body.thread.messages[0].id as string,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  people = await workspaceWithRoles(t.themawerk);
});

afterAll(async () => {
  await t?.close();
});

describe("a trashed document is closed for comments", () => {
  it("refuses a new thread on it", async () => {
    const { documentId } = await threadOnTrashedDocument();
    const res = await call(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      method: "POST",
      json: { target: "document", body: "Nog een vraag" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });

  it("refuses a reply to a thread on it", async () => {
    const { threadId } = await threadOnTrashedDocument();
    for (const who of [people.commenter, people.facilitator]) {
      const res = await call(`/api/threads/${threadId}/messages`, who.cookie, {
        method: "POST",
        json: { body: "Antwoord" },
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
    }
    const thread = await call(`/api/threads/${threadId}`, people.viewer.cookie);
    expect(thread.status).toBe(200);
    expect(thread.body.thread.messages).toHaveLength(1);
  });

  it("refuses resolving and reopening a thread on it", async () => {
    const { threadId, documentId } = await threadOnTrashedDocument();
    for (const who of [people.commenter, people.editor, people.facilitator]) {
      const res = await call(`/api/threads/${threadId}/resolve`, who.cookie, { method: "POST" });
      expect(res.status).toBe(409);
    }
    expect((await call(`/api/threads/${threadId}`, people.viewer.cookie)).body.thread.resolved).toBe(false);

    // A thread resolved before the document went to the trash stays resolved.
    const restored = await call(`/api/documents/${documentId}/restore`, people.facilitator.cookie, {
      method: "POST",
    });
    expect(restored.status).toBe(200);
    expect(
      (await call(`/api/threads/${threadId}/resolve`, people.editor.cookie, { method: "POST" })).status,
    ).toBe(200);
    await call(`/api/documents/${documentId}`, people.editor.cookie, { method: "DELETE" });
    expect(
      (await call(`/api/threads/${threadId}/reopen`, people.editor.cookie, { method: "POST" })).status,
    ).toBe(409);
    expect((await call(`/api/threads/${threadId}`, people.viewer.cookie)).body.thread.resolved).toBe(true);
  });

  it("refuses editing and deleting one's own message on it", async () => {
    const { threadId, messageId } = await threadOnTrashedDocument();
    const edit = await call(`/api/messages/${messageId}`, people.commenter.cookie, {
      method: "PATCH",
      json: { body: "Verduidelijkt" },
    });
    expect(edit.status).toBe(409);
    const remove = await call(`/api/messages/${messageId}`, people.commenter.cookie, { method: "DELETE" });
    expect(remove.status).toBe(409);
    const thread = await call(`/api/threads/${threadId}`, people.viewer.cookie);
    expect(thread.body.thread.messages[0]).toMatchObject({ body: "Vraag", deleted: false, editedAt: null });
  });

  it("still lets members read the threads and mark them read", async () => {
    const { documentId, threadId } = await threadOnTrashedDocument();
    expect((await call(`/api/documents/${documentId}/threads`, people.viewer.cookie)).status).toBe(200);
    expect(
      (await call(`/api/threads/${threadId}/read`, people.viewer.cookie, { method: "POST" })).status,
    ).toBe(204);
  });

  it("opens them again once the document is restored", async () => {
    const { documentId, threadId } = await threadOnTrashedDocument();
    await call(`/api/documents/${documentId}/restore`, people.facilitator.cookie, { method: "POST" });
    const reply = await call(`/api/threads/${threadId}/messages`, people.commenter.cookie, {
      method: "POST",
      json: { body: "Weer open" },
    });
    expect(reply.status).toBe(201);
  });
});
