import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../../shared/schemas/live";
import { createApp } from "../../server/app";
import { LiveHub, liveRoutes } from "../../server/live";
import { addMember, createDocument, createUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
let otherWorkspaceId: string;
let otherDocumentId: string;
const streams: EventStream[] = [];

interface EventStream {
  status: number;
  events: LiveEvent[];
  /** Raw text received, heartbeats included. */
  raw: string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Takes the first received event of this type, waiting for it. */
  next(type: string, timeoutMs?: number): Promise<LiveEvent>;
  close(): void;
}

/** Reads a Server-Sent Events response as a browser's EventSource would, without reconnecting. */
function readStream(res: Response, abort: AbortController): EventStream {
  const stream: EventStream = {
    status: res.status,
    events: [],
    raw: "",
    ended: Promise.resolve(),
    async next(type, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const index = stream.events.findIndex((e) => e.type === type);
        if (index >= 0) return stream.events.splice(index, 1)[0];
        if (Date.now() > until)
          throw new Error(
            `no ${type} event within ${timeoutMs} ms (got ${stream.events.map((e) => e.type)})`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => abort.abort(),
  };
  stream.ended = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const text = decoder.decode(value, { stream: true });
        stream.raw += text;
        buffer += text;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block
            .split("\n")
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trimStart())
            .join("\n");
          if (data) stream.events.push(JSON.parse(data));
          cut = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Aborted by the test.
    }
  })();
  return stream;
}

async function subscribe(workspaceId: string, cookie: string): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/events`, {
    headers: cookie ? { Cookie: cookie, Accept: "text/event-stream" } : {},
    signal: abort.signal,
  });
  const stream = readStream(res, abort);
  streams.push(stream);
  if (res.ok) await stream.next("ready");
  return stream;
}

async function api(path: string, cookie: string, init: { method?: string; json?: unknown } = {}) {
  const method = init.method ?? (init.json !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { Cookie: cookie };
  if (method !== "GET") headers.Origin = server.url;
  if (init.json !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
  documentId = await createDocument(server.themawerk, people.workspaceId, people.editor, "Verslag");
  const ws = await server.themawerk.database.db
    .selectFrom("memberships")
    .select("workspace_id")
    .where("user_id", "=", people.outsider.id)
    .executeTakeFirstOrThrow();
  otherWorkspaceId = ws.workspace_id;
  otherDocumentId = await createDocument(server.themawerk, otherWorkspaceId, people.outsider, "Elders");
});

afterAll(async () => {
  for (const s of streams) s.close();
  await server?.close();
});

describe("workspace event stream", () => {
  it("is refused to outsiders and anonymous callers, open to every member", async () => {
    const outsider = await subscribe(people.workspaceId, people.outsider.cookie);
    expect(outsider.status).toBe(404);
    const anonymous = await subscribe(people.workspaceId, "");
    expect(anonymous.status).toBe(401);
    for (const who of [people.viewer, people.commenter]) {
      expect((await subscribe(people.workspaceId, who.cookie)).status).toBe(200);
    }
  });

  it("delivers every comment event to another member's stream as it happens", async () => {
    const viewer = await subscribe(people.workspaceId, people.viewer.cookie);
    const created = await api(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      json: { target: "document", body: "Eerste" },
    });
    // Published synchronously on write; the timeout only bounds a hang (wall time is not asserted).
    const threadCreated = await viewer.next("comment.threadCreated", 5000);
    expect(threadCreated).toMatchObject({
      workspaceId: people.workspaceId,
      documentId,
      thread: { id: created.body.thread.id },
    });
    const threadId = created.body.thread.id;

    const reply = await api(`/api/threads/${threadId}/messages`, people.editor.cookie, {
      json: { body: "Antwoord" },
    });
    expect(await viewer.next("comment.messageAdded")).toMatchObject({
      message: { id: reply.body.message.id, body: "Antwoord" },
    });
    await api(`/api/messages/${reply.body.message.id}`, people.editor.cookie, {
      method: "PATCH",
      json: { body: "Beter antwoord" },
    });
    expect(await viewer.next("comment.messageEdited")).toMatchObject({ message: { body: "Beter antwoord" } });
    await api(`/api/messages/${reply.body.message.id}`, people.editor.cookie, { method: "DELETE" });
    expect(await viewer.next("comment.messageDeleted")).toMatchObject({ messageId: reply.body.message.id });
    await api(`/api/threads/${threadId}/resolve`, people.facilitator.cookie, { method: "POST" });
    expect(await viewer.next("comment.threadResolved")).toMatchObject({ thread: { resolved: true } });
    await api(`/api/threads/${threadId}/reopen`, people.facilitator.cookie, { method: "POST" });
    expect(await viewer.next("comment.threadReopened")).toMatchObject({ thread: { resolved: false } });
    // A refused write publishes nothing: the next allowed one is the first event to arrive after it.
    expect(
      (await api(`/api/threads/${threadId}/messages`, people.viewer.cookie, { json: { body: "x" } })).status,
    ).toBe(403);
    const later = await api(`/api/threads/${threadId}/messages`, people.commenter.cookie, {
      json: { body: "Daarna" },
    });
    expect(later.status).toBe(201);
    expect(await viewer.next("comment.messageAdded")).toMatchObject({ message: { body: "Daarna" } });
    expect(viewer.events).toEqual([]);
  });

  it("never gives a member of one workspace the events of another", async () => {
    const outsider = await subscribe(otherWorkspaceId, people.outsider.cookie);
    const member = await subscribe(people.workspaceId, people.viewer.cookie);
    await api(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      json: { target: "document", body: "Intern" },
    });
    await api(`/api/documents/${otherDocumentId}/threads`, people.outsider.cookie, {
      json: { target: "document", body: "Elders" },
    });
    await api(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      json: { target: "document", body: "Intern, later" },
    });
    // Each stream's own later event arrives, so the other workspace's earlier one would have too.
    expect(await outsider.next("comment.threadCreated")).toMatchObject({
      workspaceId: otherWorkspaceId,
      documentId: otherDocumentId,
    });
    expect(outsider.events).toEqual([]);
    expect(await member.next("comment.threadCreated")).toMatchObject({ workspaceId: people.workspaceId });
    expect(await member.next("comment.threadCreated")).toMatchObject({
      workspaceId: people.workspaceId,
      thread: { messages: [expect.objectContaining({ body: "Intern, later" })] },
    });
    expect(member.events).toEqual([]);
  });

  it("closes the stream of a member who is removed, and of a session that ends", async () => {
    const leaving = await createUser(server.themawerk, "Lena Leaving");
    await addMember(server.themawerk, people.workspaceId, leaving, "viewer");
    const stream = await subscribe(people.workspaceId, leaving.cookie);
    const staying = await subscribe(people.workspaceId, people.viewer.cookie);
    const removed = await api(
      `/api/workspaces/${people.workspaceId}/members/${leaving.id}`,
      people.facilitator.cookie,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    await stream.ended;
    await api(`/api/documents/${documentId}/threads`, people.commenter.cookie, {
      json: { target: "document", body: "Na vertrek" },
    });
    await staying.next("comment.threadCreated");
    expect(stream.events).toEqual([]);
    expect((await subscribe(people.workspaceId, leaving.cookie)).status).toBe(404);

    const commenterStream = await subscribe(people.workspaceId, people.commenter.cookie);
    expect((await api("/api/auth/logout", people.commenter.cookie, { method: "POST" })).status).toBe(204);
    await commenterStream.ended;
    expect((await subscribe(people.workspaceId, people.commenter.cookie)).status).toBe(401);
    expect(server.themawerk.live.count(people.workspaceId)).toBeGreaterThan(0);
  });

  it("sends heartbeat comments on the configured interval", async () => {
    // The same route, session middleware and access control, with a short interval instead of 25 s.
    const deps = server.themawerk.deps;
    const hub = new LiveHub(deps.events);
    const app = createApp({ ...deps, apiModules: [liveRoutes(hub, deps.access, 50)] });
    const abort = new AbortController();
    const res = await app.request(`/api/workspaces/${people.workspaceId}/events`, {
      headers: { Cookie: people.viewer.cookie },
      signal: abort.signal,
    });
    const stream = readStream(res, abort);
    await stream.next("ready");
    await expect
      .poll(() => stream.raw.split(": heartbeat").length - 1, { timeout: 1000 })
      .toBeGreaterThanOrEqual(2);
    hub.close();
    await stream.ended;
  });
});
