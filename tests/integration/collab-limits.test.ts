import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { encodeUpdate, MESSAGE_QUERY_AWARENESS } from "../../server/collab/protocol";
import { CLOSE_CODES } from "../../shared/close-codes";
import { type CollabClient, collabClient, eventually } from "../helpers/collab-clients";
import {
  addMember,
  createDocument,
  createUser,
  type FixtureUser,
  workspaceWithRoles,
} from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Limits hold per user and per session, not per socket: reconnecting does not reset them. */

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const clients: CollabClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
  documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.terminate();
  await server?.close();
});

/** A new editor of the workspace with a session of their own, so each test starts with full budgets. */
async function newEditor(name: string): Promise<FixtureUser> {
  const user = await createUser(server.themawerk, name);
  await addMember(server.themawerk, people.workspaceId, user, "editor");
  return user;
}

interface OpenSocket {
  ws: WebSocket;
  closed: Promise<number>;
  /** Frames received so far (counted from the start, so none is missed). */
  received(): number;
}

function socketTo(doc: string, cookie: string): Promise<OpenSocket> {
  const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${doc}`, {
    headers: { Cookie: cookie, Origin: server.url },
  });
  sockets.push(ws);
  let received = 0;
  ws.on("message", () => {
    received++;
  });
  ws.on("error", () => {});
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve({ ws, closed, received: () => received }));
    ws.once("unexpected-response", () => reject(new Error("upgrade refused")));
  });
}

const open = (cookie: string) => socketTo(documentId, cookie);

/** Resolves with the close code, or "open" once the socket has received `answers` frames in all. */
function closedOrAnswered(s: OpenSocket, answers: number): Promise<number | "open"> {
  return Promise.race([
    s.closed,
    new Promise<"open">((resolve) => {
      const check = () => {
        if (s.received() >= answers) {
          s.ws.off("message", check);
          resolve("open");
        }
      };
      s.ws.on("message", check);
      check();
    }),
  ]);
}

describe("collaboration limits per user and session", () => {
  it("counts messages per user across all their sockets", async () => {
    const user = await newEditor("Flo Flood");
    const { messageBurst } = server.themawerk.collab.settings;
    const opened = await Promise.all(Array.from({ length: 8 }, () => open(user.cookie)));
    const perSocket = Math.ceil((messageBurst * 1.5) / opened.length);
    // Each socket alone stays under the burst; together they pass it.
    expect(perSocket).toBeLessThan(messageBurst);
    // Every socket gets sync step 1 and (for each query) an awareness answer, unless it is closed.
    const outcomes = opened.map((s) => closedOrAnswered(s, perSocket + 1));
    for (const { ws } of opened)
      for (let i = 0; i < perSocket; i++) ws.send(Uint8Array.from([MESSAGE_QUERY_AWARENESS]));
    const results = await Promise.all(outcomes);
    expect(results).toContain(CLOSE_CODES.rateLimited);
  });

  it("lets one session hold at most the allowed number of open sockets", async () => {
    const user = await newEditor("Sam Sockets");
    const { maxSocketsPerSession } = server.themawerk.collab.settings;
    const held = [];
    for (let i = 0; i < maxSocketsPerSession; i++) {
      const s = await open(user.cookie);
      expect(await closedOrAnswered(s, 1)).toBe("open");
      held.push(s);
    }
    const extra = await open(user.cookie);
    expect(await extra.closed).toBe(CLOSE_CODES.rateLimited);
    // A closed socket frees its place.
    held[0].ws.close();
    await held[0].closed;
    await eventually(
      async () => {
        const again = await open(user.cookie);
        return (await closedOrAnswered(again, 1)) === "open";
      },
      3000,
      "a freed place is taken",
    );
  });

  it("limits reconnects per user, whatever session or socket", async () => {
    const user = await newEditor("Rik Reconnect");
    const { reconnectBurst } = server.themawerk.collab.settings;
    const second = await server.themawerk.deps.sessions.create(user.id);
    const cookies = [user.cookie, `themawerk_session=${second.token}`];
    const codes: Array<number | "open"> = [];
    for (let i = 0; i < reconnectBurst + 5; i++) {
      const s = await open(cookies[i % 2]);
      const outcome = await closedOrAnswered(s, 1);
      codes.push(outcome);
      if (outcome === "open") {
        s.ws.close();
        await s.closed;
      }
    }
    expect(codes.slice(0, reconnectBurst - 2).every((c) => c === "open")).toBe(true);
    expect(codes.slice(reconnectBurst + 1)).toEqual(Array(4).fill(CLOSE_CODES.rateLimited));
  });

  it("keeps a user who broke the protocol out for a while", async () => {
    const user = await newEditor("Mo Malformed");
    const first = await open(user.cookie);
    first.ws.send(Uint8Array.from([0xff, 0xff, 0xff]));
    expect(await first.closed).toBe(CLOSE_CODES.malformed);
    const next = await open(user.cookie);
    expect(await next.closed).toBe(CLOSE_CODES.rateLimited);
  });

  it("a stock provider refused at the door backs off, keeps trying, and syncs when let in", async () => {
    const user = await newEditor("Bo Backoff");
    const collab = server.themawerk.collab;
    // Put the user in a cooldown by breaking the protocol once.
    const saved = collab.settings.cooldownMs;
    collab.settings.cooldownMs = 1500;
    try {
      const bad = await open(user.cookie);
      bad.ws.send(Uint8Array.from([7]));
      expect(await bad.closed).toBe(CLOSE_CODES.malformed);
    } finally {
      collab.settings.cooldownMs = saved;
    }
    const c = collabClient(server.url, documentId, { cookie: user.cookie });
    clients.push(c);
    const failures: number[] = [];
    c.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event?.code === CLOSE_CODES.rateLimited) failures.push(c.provider.wsUnsuccessfulReconnects);
    });
    await c.synced();
    expect(failures.length).toBeGreaterThan(0);
    // Refused before it synced, every attempt counted as unsuccessful: the delay grew each time.
    expect(failures).toEqual(failures.map((_, i) => i));
  });

  it("many sockets of one user get no more stored than the per-user rate allows", async () => {
    const user = await newEditor("Wim Writes");
    const doc = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const { messagesPerSecond, messageBurst } = server.themawerk.collab.settings;
    const opened = await Promise.all(Array.from({ length: 18 }, () => socketTo(doc, user.cookie)));
    // Independent updates (one client each), so none depends on another that was refused.
    const updates = Array.from({ length: 3000 }, () => {
      const source = new Y.Doc();
      source.getText("t").insert(0, "x");
      return Y.encodeStateAsUpdate(source);
    });
    const started = performance.now();
    updates.forEach((u, i) => {
      const { ws } = opened[i % opened.length];
      if (ws.readyState === WebSocket.OPEN) ws.send(encodeUpdate(u));
    });
    // Each socket asks for presence last: its answer (or its close) means all it sent was handled.
    await Promise.all(
      opened.map(({ ws, closed }) => {
        const answered = new Promise<void>((resolve) =>
          ws.on("message", (data: Buffer) => {
            if (data[0] === 1) resolve();
          }),
        );
        if (ws.readyState === WebSocket.OPEN) ws.send(Uint8Array.from([MESSAGE_QUERY_AWARENESS]));
        return Promise.race([answered, closed]);
      }),
    );
    const room = server.themawerk.collab.loadedRoom(doc);
    await room?.flush();
    const seconds = (performance.now() - started) / 1000;
    const accepted = (await server.themawerk.collab.readDocument(doc)).getText("t").length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(messageBurst + messagesPerSecond * seconds);
  });
});
