import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  DEAD_CONNECTION_MS,
  encodeSaveCheck,
  MESSAGE_SAVE_CHECK,
  readSaveCheckAnswer,
} from "../../shared/collab-messages";
import { type CollabClient, collabClient, eventually, rawCollabSocket } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { type FreezingProxy, freezingProxy } from "../helpers/freezing-proxy";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * A dead connection is noticed within seconds, both ways, and a client can learn that the server
 * stored its edits: the keep-alive and save check the offline-first editor builds on.
 */

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
const clients: CollabClient[] = [];
const proxies: FreezingProxy[] = [];

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const p of proxies) await p.close();
  await server?.close();
});

function client(baseUrl: string, documentId: string, cookie: string): CollabClient {
  const c = collabClient(baseUrl, documentId, { cookie, origin: server.url });
  // The answers are read from the raw socket below; the provider only has to accept them.
  c.provider.messageHandlers[MESSAGE_SAVE_CHECK] = () => {};
  clients.push(c);
  return c;
}

const presentNames = (c: CollabClient) =>
  Array.from(c.provider.awareness.getStates().values(), (s) => (s as { name?: string }).name);

/** Frames a raw socket receives, by their first byte (message type). */
function framesOf(ws: WebSocket): Uint8Array[] {
  const frames: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => frames.push(new Uint8Array(data)));
  return frames;
}

describe("keep-alive", () => {
  it("drops a socket whose network went silent, and the others stop seeing that person, within 5 s", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const proxy = await freezingProxy(server.port);
    proxies.push(proxy);
    const cut = client(proxy.url, documentId, people.editor.cookie);
    const other = client(server.url, documentId, people.facilitator.cookie);
    await Promise.all([cut.synced(), other.synced()]);
    cut.provider.awareness.setLocalStateField("cursor", 1);
    other.provider.awareness.setLocalStateField("cursor", 2);
    await eventually(() => presentNames(other).includes(people.editor.name), 3000, "the editor's presence");

    proxy.freeze();
    const frozenAt = Date.now();
    await eventually(() => !presentNames(other).includes(people.editor.name), 8000, "the editor to leave");
    const noticedAfter = Date.now() - frozenAt;
    expect(noticedAfter).toBeGreaterThan(DEAD_CONNECTION_MS - 1000);
    expect(noticedAfter).toBeLessThan(6000);
  });

  it("sends an idle socket a frame the stock provider reads at least every 1.5 s", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const idle = client(server.url, documentId, people.viewer.cookie);
    await idle.synced();
    const gaps: number[] = [];
    let last = idle.provider.wsLastMessageReceived;
    const started = Date.now();
    while (Date.now() - started < 4000) {
      await new Promise((r) => setTimeout(r, 50));
      const now = idle.provider.wsLastMessageReceived;
      if (now !== last) {
        gaps.push(now - last);
        last = now;
      }
    }
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1500);
    // The stock provider read every frame: it still counts as connected and synced.
    expect(idle.provider.wsconnected).toBe(true);
    expect(idle.provider.synced).toBe(true);
  });
});

describe("save check", () => {
  async function answerTo(ws: WebSocket, frames: Uint8Array[], seq: number) {
    ws.send(encodeSaveCheck(seq));
    let answer: { seq: number; accepted: boolean } | undefined;
    await eventually(
      () => {
        for (const frame of frames) {
          const decoder = decoding.createDecoder(frame);
          if (decoding.readVarUint(decoder) !== MESSAGE_SAVE_CHECK) continue;
          const read = readSaveCheckAnswer(decoder);
          if (read.seq === seq) answer = read;
        }
        return answer !== undefined;
      },
      3000,
      `the answer to save check ${seq}`,
    );
    return answer as { seq: number; accepted: boolean };
  }

  /** A synced stock client on a new document, with the raw socket under it and the frames it receives. */
  async function synced(cookie: string) {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const c = client(server.url, documentId, cookie);
    await c.synced();
    const ws = c.provider.ws as unknown as WebSocket;
    const log = () => c.doc.getArray<string>("log");
    const storedLog = async () =>
      (await server.themawerk.collab.readDocument(documentId)).getArray<string>("log");
    return { ws, frames: framesOf(ws), log, storedLog };
  }

  it("answers a writer only once every edit it sent before is stored", async () => {
    const { ws, frames, log, storedLog } = await synced(people.editor.cookie);
    // The provider sends each edit at once; the check goes after them on the same socket.
    for (let i = 0; i < 20; i++) log().push([`regel ${i}`]);
    expect(await answerTo(ws, frames, 7)).toEqual({ seq: 7, accepted: true });
    expect((await storedLog()).length).toBe(20);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it("tells a read-only socket that its edits were not taken", async () => {
    const { ws, frames, log, storedLog } = await synced(people.viewer.cookie);
    log().push(["mag niet"]);
    expect(await answerTo(ws, frames, 1)).toEqual({ seq: 1, accepted: false });
    expect((await storedLog()).length).toBe(0);
  });

  it("closes a socket that sends a save check without its number as malformed", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const ws = await rawCollabSocket(server.url, documentId, people.editor.cookie);
    const closed = new Promise<number>((resolve) => ws.once("close", resolve));
    ws.send(new Uint8Array([MESSAGE_SAVE_CHECK]));
    expect(await closed).toBe(4400);
  });
});
