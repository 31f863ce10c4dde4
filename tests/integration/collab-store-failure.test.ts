import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../shared/close-codes";
import { type CollabClient, collabClient, eventually } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { fullDisk, mountSmallFilesystem, raisingTrigger, type StoreFault } from "../helpers/store-fault";
import { createTestStorage, type TestStorage } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Memory never runs ahead of the database: while appends fail, no other client receives the
 * writer's edits, the writer is told (retryable close, never "synced"), /healthz reports the
 * database down; once writes work again every edit arrives, and survives a restart.
 * On SQLite the store fails for real on a full filesystem (tmpfs); on PostgreSQL a trigger raises.
 */

const clients: CollabClient[] = [];
const servers: TestServer[] = [];
let storage: TestStorage | undefined;
let mounted: ReturnType<typeof mountSmallFilesystem>;

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.close();
  await storage?.cleanup();
  mounted?.unmount();
});

const text = (c: CollabClient) => c.doc.getText("t").toString();

async function health(server: TestServer): Promise<{ status: number; down?: string[] }> {
  const res = await fetch(`${server.url}/healthz`);
  const body = (await res.json()) as { down?: string[] };
  return { status: res.status, down: body.down };
}

it("while appends fail nobody receives the edits, the writer is told, and every edit arrives once writes work", async () => {
  storage = await createTestStorage();
  const env: Record<string, string> = {};
  if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
  else {
    mounted = mountSmallFilesystem();
    env.DATA_DIR = mounted?.dir ?? storage.dataDir;
  }
  const server = await startTestServer(env);
  servers.push(server);
  const database = server.themawerk.database;
  let fault: StoreFault;
  if (database.dialect === "sqlite" && mounted) fault = fullDisk(database, mounted.dir);
  else {
    // Without permission to mount a filesystem (not root), SQLite fails through a trigger too.
    if (database.dialect === "sqlite")
      console.warn("collab-store-failure: cannot mount tmpfs here; using a SQLite trigger");
    fault = await raisingTrigger(database);
  }
  const people = await workspaceWithRoles(server.themawerk);
  const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);

  const writer = collabClient(server.url, documentId, { cookie: people.editor.cookie });
  const reader = collabClient(server.url, documentId, { cookie: people.viewer.cookie });
  clients.push(writer, reader);
  await Promise.all([writer.synced(), reader.synced()]);
  writer.doc.getText("t").insert(0, "vooraf;");
  await eventually(() => text(reader) === "vooraf;", 3000, "the reader sees the first edit");

  await fault.start();
  const writerTold = writer.nextClose();
  const readerTold = reader.nextClose();
  const edits = Array.from({ length: 20 }, (_, i) => `e${i};`);
  for (const edit of edits) {
    writer.doc.getText("t").insert(text(writer).length, edit);
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(await writerTold, `writer's close code (${fault.kind})`).toBe(CLOSE_CODES.storeUnavailable);
  // Every socket of the room is told: the room reloads from the store.
  expect(await readerTold).toBe(CLOSE_CODES.storeUnavailable);
  await eventually(async () => (await health(server)).status === 503, 5000, "/healthz reports the failure");
  expect((await health(server)).down).toEqual(["database"]);

  // The reader (read-only sockets are still let in) syncs again, from the store: none of the edits.
  await eventually(() => reader.provider.synced, 5000, "the reader re-syncs while writes fail");
  expect(text(reader)).toBe("vooraf;");
  // The writer is refused before it syncs, so it never shows its unsaved edits as synced.
  await new Promise((r) => setTimeout(r, 600));
  expect(writer.provider.synced).toBe(false);
  expect(text(reader)).toBe("vooraf;");

  await fault.stop();
  const expected = `vooraf;${edits.join("")}`;
  await eventually(() => text(reader) === expected, 15_000, "every edit arrives once writes work");
  await eventually(() => writer.provider.synced, 5000, "the writer is synced again");
  await eventually(async () => (await health(server)).status === 200, 5000, "/healthz recovers");

  // After a restart on the same data the edits are all there, readable, nothing pending.
  await server.themawerk.close();
  const again = await startTestServer(env);
  servers.push(again);
  const fresh = collabClient(again.url, documentId, { cookie: people.viewer.cookie, doc: new Y.Doc() });
  clients.push(fresh);
  await fresh.synced();
  expect(text(fresh)).toBe(expected);
  const room = again.themawerk.collab.loadedRoom(documentId);
  expect(room?.doc.store.pendingStructs ?? null).toBeNull();
  expect(room?.doc.store.pendingDs ?? null).toBeNull();
  // A later edit is stored as a readable row.
  const late = collabClient(again.url, documentId, { cookie: people.editor.cookie });
  clients.push(late);
  await late.synced();
  late.doc.getText("t").insert(0, "later;");
  await eventually(() => text(fresh).startsWith("later;"), 3000, "a later edit flows");
  for (const c of [fresh, late]) c.destroy();
  await again.themawerk.close();
  const third = await startTestServer(env);
  servers.push(third);
  expect(third.themawerk.collab.loadedRoom(documentId)).toBeUndefined();
  const stored = await third.themawerk.collab.readDocument(documentId);
  expect(stored.getText("t").toString()).toBe(`later;${expected}`);
}, 60_000);
