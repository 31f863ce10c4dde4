import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureUser } from "../helpers/fixtures";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

/**
 * Every comments route (and the event stream) × every kind of caller: the four roles, a member of
 * another workspace and no session. Each cell is the expected HTTP status.
 */
const actors = ["facilitator", "editor", "commenter", "viewer", "outsider", "none"] as const;
type Actor = (typeof actors)[number];

let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;

const user = (actor: Actor): FixtureUser | undefined => (actor === "none" ? undefined : w[actor]);

async function call(actor: Actor, method: string, path: string, json?: unknown) {
  const res = await t.request(path, { method, json, cookie: user(actor)?.cookie });
  // The event stream stays open: take the status and hang up.
  if (res.headers.get("Content-Type")?.startsWith("text/event-stream")) await res.body?.cancel();
  const body =
    res.status === 204 || !res.headers.get("Content-Type")?.includes("json") ? null : await res.json();
  return { status: res.status, body };
}

/** A thread opened by the commenter on the document, with its first message. */
async function commenterThread() {
  const res = await call("commenter", "POST", `/api/documents/${documentId}/threads`, {
    target: "document",
    body: "Vraag",
  });
  expect(res.status).toBe(201);
  return { threadId: res.body.thread.id as string, messageId: res.body.thread.messages[0].id as string };
}

beforeAll(async () => {
  t = await startTestApp();
  w = await workspaceWithRoles(t.themawerk);
  documentId = await createDocument(t.themawerk, w.workspaceId, w.editor);
});
afterAll(async () => {
  await t.close();
});

type Cell = (actor: Actor) => Promise<number>;
const matrix: Array<[string, Cell, number[]]> = [
  [
    "GET threads of a document",
    async (a) => (await call(a, "GET", `/api/documents/${documentId}/threads`)).status,
    [200, 200, 200, 200, 404, 401],
  ],
  [
    "POST a thread",
    async (a) =>
      (await call(a, "POST", `/api/documents/${documentId}/threads`, { target: "document", body: "Hallo" }))
        .status,
    [201, 201, 201, 403, 404, 401],
  ],
  [
    "GET a thread",
    async (a) => (await call(a, "GET", `/api/threads/${(await commenterThread()).threadId}`)).status,
    [200, 200, 200, 200, 404, 401],
  ],
  [
    "POST a reply",
    async (a) =>
      (
        await call(a, "POST", `/api/threads/${(await commenterThread()).threadId}/messages`, {
          body: "Antwoord",
        })
      ).status,
    [201, 201, 201, 403, 404, 401],
  ],
  [
    "PATCH the commenter's message",
    async (a) =>
      (await call(a, "PATCH", `/api/messages/${(await commenterThread()).messageId}`, { body: "Anders" }))
        .status,
    [403, 403, 200, 403, 404, 401],
  ],
  [
    "DELETE the commenter's message",
    async (a) => (await call(a, "DELETE", `/api/messages/${(await commenterThread()).messageId}`)).status,
    [403, 403, 200, 403, 404, 401],
  ],
  [
    "resolve the commenter's thread",
    async (a) => (await call(a, "POST", `/api/threads/${(await commenterThread()).threadId}/resolve`)).status,
    [200, 200, 200, 403, 404, 401],
  ],
  [
    "reopen the commenter's resolved thread",
    async (a) => {
      const { threadId } = await commenterThread();
      expect((await call("commenter", "POST", `/api/threads/${threadId}/resolve`)).status).toBe(200);
      return (await call(a, "POST", `/api/threads/${threadId}/reopen`)).status;
    },
    [200, 200, 200, 403, 404, 401],
  ],
  [
    "mark a thread read",
    async (a) => (await call(a, "POST", `/api/threads/${(await commenterThread()).threadId}/read`)).status,
    [204, 204, 204, 204, 404, 401],
  ],
  [
    "GET unread",
    async (a) => (await call(a, "GET", `/api/workspaces/${w.workspaceId}/unread`)).status,
    [200, 200, 200, 200, 404, 401],
  ],
  [
    "mark all read",
    async (a) => (await call(a, "POST", `/api/workspaces/${w.workspaceId}/unread/read-all`)).status,
    [204, 204, 204, 204, 404, 401],
  ],
  [
    "GET the event stream",
    async (a) => (await call(a, "GET", `/api/workspaces/${w.workspaceId}/events`)).status,
    [200, 200, 200, 200, 404, 401],
  ],
];

describe("comments role matrix", () => {
  for (const [name, cell, expected] of matrix) {
    it(name, async () => {
      const got: number[] = [];
      for (const actor of actors) got.push(await cell(actor));
      expect(got).toEqual(expected);
    });
  }

  it("forgets event streams whose callers hung up", async () => {
    await expect.poll(() => t.themawerk.live.count(w.workspaceId), { timeout: 1000 }).toBe(0);
  });

  it("answers unknown threads and messages with 404 and stores nothing from malformed bodies", async () => {
    expect((await call("facilitator", "GET", "/api/threads/aaaaaaaaaaaaaaaa")).status).toBe(404);
    expect((await call("facilitator", "PATCH", "/api/messages/aaaaaaaaaaaaaaaa", { body: "x" })).status).toBe(
      404,
    );
    expect((await call("facilitator", "GET", "/api/documents/aaaaaaaaaaaaaaaa/threads")).status).toBe(404);
    const { threadId, messageId } = await commenterThread();
    const count = async () =>
      Number(
        (
          await t.themawerk.database.db
            .selectFrom("comment_messages")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const targets: Array<[string, string]> = [
      ["POST", `/api/documents/${documentId}/threads`],
      ["POST", `/api/threads/${threadId}/messages`],
      ["PATCH", `/api/messages/${messageId}`],
    ];
    for (const [method, path] of targets) {
      const cookie = w.commenter.cookie;
      const malformed = await t.request(path, {
        method,
        cookie,
        headers: { "Content-Type": "application/json" },
        body: "{nope",
      });
      expect(malformed.status).toBe(400);
      const wrongType = await t.request(path, {
        method,
        cookie,
        headers: { "Content-Type": "text/plain" },
        body: "{}",
      });
      expect(wrongType.status).toBe(415);
      for (const json of [null, [], { body: 42 }, { body: "x", mentions: "all" }]) {
        const res = await t.request(path, { method, cookie, json });
        expect(res.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(400);
        expect((await res.json()).error.code).toBe("validation_failed");
      }
    }
    expect(await count()).toBe(before);
    const thread = await call("viewer", "GET", `/api/threads/${threadId}`);
    expect(thread.body.thread.messages.map((m: { body: string }) => m.body)).toEqual(["Vraag"]);
  });
});
