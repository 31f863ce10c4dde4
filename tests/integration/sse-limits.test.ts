import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { addMember, createUser, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
const open: LiveStream[] = [];

interface LiveStream {
  status: number;
  retryAfter: string | null;
  /** The JSON body of a refused stream. */
  // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON came back
  body: any;
  /** Resolves when the server ends the stream (or the test aborts it). */
  ended: Promise<void>;
  close(): void;
}

/** Opens GET /api/workspaces/:id/events with real HTTP and, when it is accepted, waits for `ready`. */
async function openStream(workspaceId: string, cookie: string): Promise<LiveStream> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/events`, {
    headers: { Cookie: cookie, Accept: "text/event-stream" },
    signal: abort.signal,
  });
  const retryAfter = res.headers.get("Retry-After");
  if (!res.ok)
    return { status: res.status, retryAfter, body: await res.json(), ended: Promise.resolve(), close() {} };
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let received = "";
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
        if (received.includes("event: ready")) ready();
      }
    } catch {
      // Aborted by the test.
    } finally {
      ready();
    }
  })();
  await isReady;
  const stream: LiveStream = {
    status: res.status,
    retryAfter,
    body: null,
    ended,
    close: () => abort.abort(),
  };
  open.push(stream);
  return stream;
}

async function openMany(count: number, workspaceId: string, cookie: string): Promise<LiveStream[]> {
  const streams = await Promise.all(Array.from({ length: count }, () => openStream(workspaceId, cookie)));
  expect(streams.map((s) => s.status)).toEqual(Array(count).fill(200));
  return streams;
}

/** A second logged-in browser of the same person: another session. */
async function secondSession(user: FixtureUser): Promise<string> {
  const session = await server.themawerk.deps.sessions.create(user.id);
  return `${SESSION_COOKIE}=${session.token}`;
}

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
});

afterAll(async () => {
  for (const s of open) s.close();
  await server?.close();
});

describe("open event streams per session", () => {
  it(`a session holds at most ${LIMITS.liveStreamsPerSession}; the next one is refused with 429 and the JSON error`, async () => {
    const user = await createUser(server.themawerk, "Vele Vensters");
    await addMember(server.themawerk, people.workspaceId, user, "viewer");
    const streams = await openMany(LIMITS.liveStreamsPerSession, people.workspaceId, user.cookie);

    const refused = await openStream(people.workspaceId, user.cookie);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Still refused: a refusal takes no slot, and nothing was freed.
    expect((await openStream(people.workspaceId, user.cookie)).status).toBe(429);

    // The same person in another browser has slots of their own.
    expect((await openStream(people.workspaceId, await secondSession(user))).status).toBe(200);
    for (const s of streams) s.close();
  });

  it("closing a stream frees its slot", async () => {
    const user = await createUser(server.themawerk, "Tab Sluiter");
    await addMember(server.themawerk, people.workspaceId, user, "viewer");
    const [first, ...rest] = await openMany(LIMITS.liveStreamsPerSession, people.workspaceId, user.cookie);
    expect((await openStream(people.workspaceId, user.cookie)).status).toBe(429);

    first.close();
    // The server notices the closed connection shortly after; wait for the slot, not for a fixed time.
    await expect
      .poll(
        async () => {
          const s = await openStream(people.workspaceId, user.cookie);
          return s.status;
        },
        { timeout: 5000, interval: 50 },
      )
      .toBe(200);
    expect((await openStream(people.workspaceId, user.cookie)).status).toBe(429);
    for (const s of rest) s.close();
  });

  it("streams the server ends (the member left) free their slots", async () => {
    const user = await createUser(server.themawerk, "Terug Keerder");
    await addMember(server.themawerk, people.workspaceId, user, "viewer");
    const streams = await openMany(LIMITS.liveStreamsPerSession, people.workspaceId, user.cookie);
    const removed = await fetch(`${server.url}/api/workspaces/${people.workspaceId}/members/${user.id}`, {
      method: "DELETE",
      headers: { Cookie: people.facilitator.cookie, Origin: server.url },
    });
    expect(removed.status).toBe(204);
    await Promise.all(streams.map((s) => s.ended));

    await addMember(server.themawerk, people.workspaceId, user, "viewer");
    await openMany(LIMITS.liveStreamsPerSession, people.workspaceId, user.cookie);
  });

  it("a stream refused for access takes no slot", async () => {
    for (let i = 0; i < LIMITS.liveStreamsPerSession + 2; i++) {
      expect((await openStream(people.workspaceId, people.outsider.cookie)).status).toBe(404);
    }
    const own = await server.themawerk.database.db
      .selectFrom("memberships")
      .select("workspace_id")
      .where("user_id", "=", people.outsider.id)
      .executeTakeFirstOrThrow();
    await openMany(LIMITS.liveStreamsPerSession, own.workspace_id, people.outsider.cookie);
  });
});
