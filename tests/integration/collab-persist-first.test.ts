import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabServer, createCollabServer } from "../../server/collab";
import { encodeUpdate } from "../../server/collab/protocol";
import type { Db } from "../../server/db/database";
import { createLogger } from "../../server/logger";
import { CLOSE_CODES } from "../../shared/close-codes";
import { type CollabClient, collabClient, eventually, rawCollabSocket } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { raisingTrigger, type StoreFault } from "../helpers/store-fault";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Persist before broadcast, proven deterministically: the real store on the real database, with
 * its appends held at a gate the test opens. While an append is held no other client receives the
 * update; when it fails, none ever does.
 */

/** Holds every append until released; counts appends that are waiting. */
class AppendGate {
  private held = false;
  private waiting: Array<() => void> = [];
  entered = 0;

  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    for (const go of this.waiting.splice(0)) go();
  }

  wrap(write: <T>(work: (trx: Db) => Promise<T>) => Promise<T>) {
    return async <T>(work: (trx: Db) => Promise<T>): Promise<T> => {
      if (this.held) {
        this.entered++;
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      }
      return write(work);
    };
  }
}

let app: TestServer;
let collab: CollabServer;
let httpServer: http.Server;
let url: string;
let fault: StoreFault;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
const gate = new AppendGate();
/** Small, so one socket reaches it long before the per-user message limit. */
const QUEUED_PER_SOCKET = 20;
const clients: CollabClient[] = [];

beforeAll(async () => {
  app = await startTestServer();
  people = await workspaceWithRoles(app.themawerk);
  fault = await raisingTrigger(app.themawerk.database);
  httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const { deps, database } = app.themawerk;
  collab = createCollabServer({
    db: database.db,
    appendWrite: gate.wrap(database.withoutFlushWait),
    publicUrl: url,
    sessions: deps.sessions,
    access: deps.access,
    events: deps.events,
    logger: createLogger("silent"),
    settings: { maxQueuedPerSocket: QUEUED_PER_SOCKET },
  });
  collab.attach(httpServer);
});

afterAll(async () => {
  gate.release();
  for (const c of clients) c.destroy();
  await collab?.close();
  await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
  await app?.close();
});

function client(documentId: string, cookie: string): CollabClient {
  const c = collabClient(url, documentId, { cookie });
  clients.push(c);
  return c;
}

const text = (c: CollabClient) => c.doc.getText("t").toString();

it("no other client receives an update until its append resolves", async () => {
  const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);
  const writer = client(documentId, people.editor.cookie);
  const reader = client(documentId, people.viewer.cookie);
  await Promise.all([writer.synced(), reader.synced()]);

  gate.hold();
  const before = gate.entered;
  writer.doc.getText("t").insert(0, "vastgehouden");
  await eventually(() => gate.entered > before, 3000, "the append is held");
  // A later message from the writer (presence is not queued behind the store) reaches the reader…
  writer.provider.awareness.setLocalStateField("cursor", 1);
  await eventually(
    () => reader.provider.awareness.getStates().get(writer.doc.clientID)?.cursor === 1,
    3000,
    "the writer's later presence reaches the reader",
  );
  // … while the update it sent before does not.
  expect(text(reader)).toBe("");
  gate.release();
  await eventually(() => text(reader) === "vastgehouden", 3000, "the update arrives once stored");
});

it("an update whose append fails never reaches another client", async () => {
  const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);
  const writer = client(documentId, people.editor.cookie);
  const reader = client(documentId, people.viewer.cookie);
  await Promise.all([writer.synced(), reader.synced()]);
  writer.doc.getText("t").insert(0, "eerst;");
  await eventually(() => text(reader) === "eerst;", 3000, "a stored edit arrives");

  gate.hold();
  const before = gate.entered;
  writer.doc.getText("t").insert(6, "mislukt;");
  await eventually(() => gate.entered > before, 3000, "the append is held");
  await fault.start();
  const readerTold = reader.nextClose();
  gate.release();
  expect(await readerTold).toBe(CLOSE_CODES.storeUnavailable);
  // The reader re-syncs from the store while the store still fails: the update is not there.
  await eventually(() => reader.provider.synced, 5000, "the reader re-syncs");
  expect(text(reader)).toBe("eerst;");
  expect((await collab.readDocument(documentId)).getText("t").toString()).toBe("eerst;");

  // Once the store writes again the writer sends it anew, as a stored update.
  await fault.stop();
  await eventually(() => text(reader) === "eerst;mislukt;", 10_000, "the writer's resend arrives");
});

it("a socket that sends faster than the room can store is closed, its waiting edits dropped, and others get through", async () => {
  const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);
  const honest = client(documentId, people.facilitator.cookie);
  const reader = client(documentId, people.viewer.cookie);
  await Promise.all([honest.synced(), reader.synced()]);

  const flooder = await rawCollabSocket(url, documentId, people.editor.cookie);
  const closed = new Promise<number>((resolve) => flooder.once("close", (code) => resolve(code)));
  const local = new Y.Doc();
  const frames: Uint8Array[] = [];
  local.on("update", (update: Uint8Array) => frames.push(encodeUpdate(update)));
  for (let i = 0; i < QUEUED_PER_SOCKET * 3; i++) local.getText("flood").insert(i, "x");

  gate.hold();
  const before = gate.entered;
  flooder.send(frames[0]);
  await eventually(() => gate.entered > before, 3000, "the first append is held");
  for (const frame of frames.slice(1)) flooder.send(frame);
  expect(await closed).toBe(CLOSE_CODES.rateLimited);
  honest.doc.getText("t").insert(0, "eerlijk");
  gate.release();

  await eventually(() => text(reader) === "eerlijk", 3000, "the honest edit arrives");
  await collab.loadedRoom(documentId)?.flush();
  // The edit being stored when the socket was closed is kept; the ones still waiting were dropped.
  expect(reader.doc.getText("flood").toString()).toBe("x");
  const stored = await collab.readDocument(documentId);
  expect(stored.getText("flood").toString()).toBe("x");
});
