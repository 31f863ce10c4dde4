import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeUpdate } from "../../server/collab/protocol";
import { nowIso } from "../../server/ids";
import { CLOSE_CODES } from "../../shared/close-codes";
import {
  type CollabClient,
  closeCodeOf,
  collabClient,
  eventually,
  rawCollabSocket,
} from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Updates whose dependencies the server lacks ("pending structs", "pending delete set") are
 * never stored, broadcast or sent to newcomers, and the size limit counts every byte kept.
 */

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

function client(documentId: string, cookie: string, doc?: Y.Doc): CollabClient {
  const c = collabClient(server.url, documentId, { cookie, doc });
  clients.push(c);
  return c;
}

async function storedRows(documentId: string): Promise<number> {
  const rows = await server.themawerk.database.db
    .selectFrom("document_updates")
    .select("id")
    .where("document_id", "=", documentId)
    .execute();
  return rows.length;
}

/** An update holding only the content of `doc` after its first `skip` characters: clocks 0…skip-1 are missing. */
function structsWithAGap(size: number, skip = 10): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "x".repeat(skip));
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(skip, "y".repeat(size));
  return Y.encodeStateAsUpdate(doc, before);
}

/** An update with no structs and a delete set naming `len` clocks of a client nobody has seen. */
function deletesOfNothing(client: number, len: number, ranges = 1): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0); // no structs
  encoding.writeVarUint(encoder.restEncoder, 1); // one client in the delete set
  encoding.writeVarUint(encoder.restEncoder, client);
  encoding.writeVarUint(encoder.restEncoder, ranges);
  for (let i = 0; i < ranges; i++) {
    encoder.writeDsClock(i * (len + 1));
    encoder.writeDsLen(len);
  }
  return encoder.toUint8Array();
}

async function sendAsEditor(documentId: string, update: Uint8Array): Promise<number> {
  const raw = await rawCollabSocket(server.url, documentId, people.editor.cookie);
  const closed = closeCodeOf(raw);
  raw.send(encodeUpdate(update));
  return closed;
}

describe("updates with missing dependencies", () => {
  it("structs whose earlier clocks never arrive are refused with resyncNeeded, and nothing of them is kept", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const reader = client(documentId, people.viewer.cookie);
    await reader.synced();
    const rowsBefore = await storedRows(documentId);
    const room = server.themawerk.collab.loadedRoom(documentId);

    // Five frames of ~1 MiB each: together past a small document limit if they were counted… or kept.
    server.themawerk.collab.settings.maxDocumentBytes = 2 * 1024 * 1024;
    try {
      for (let i = 0; i < 5; i++) {
        expect(await sendAsEditor(documentId, structsWithAGap(900_000, 10 + i))).toBe(
          CLOSE_CODES.resyncNeeded,
        );
      }
      expect(room?.doc.store.pendingStructs ?? null).toBeNull();
      expect(Y.encodeStateAsUpdate(room?.doc ?? new Y.Doc()).length).toBeLessThan(100);
      expect(await storedRows(documentId)).toBe(rowsBefore);

      // A newcomer gets nothing of it, and others can still write.
      const newcomer = client(documentId, people.viewer.cookie, new Y.Doc());
      await newcomer.synced();
      expect(Y.encodeStateAsUpdate(newcomer.doc).length).toBeLessThan(100);
      const writer = client(documentId, people.facilitator.cookie);
      await writer.synced();
      writer.doc.getText("t").insert(0, "gewoon verder");
      await eventually(() => reader.doc.getText("t").toString() === "gewoon verder", 3000, "edits flow");
    } finally {
      server.themawerk.collab.settings.maxDocumentBytes = 16 * 1024 * 1024;
    }
  });

  it("deletes of clocks that do not exist are refused, and later keystrokes do not carry them", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const writer = client(documentId, people.facilitator.cookie);
    await writer.synced();
    expect(await sendAsEditor(documentId, deletesOfNothing(424242, 1000, 50_000))).toBe(
      CLOSE_CODES.resyncNeeded,
    );
    const room = server.themawerk.collab.loadedRoom(documentId);
    expect(room?.doc.store.pendingDs ?? null).toBeNull();
    writer.doc.getText("t").insert(0, "toets");
    await eventually(async () => (await storedRows(documentId)) > 0, 3000, "the keystroke is stored");
    const rows = await server.themawerk.database.db
      .selectFrom("document_updates")
      .select("data")
      .where("document_id", "=", documentId)
      .execute();
    // One small keystroke row, not the 3 MiB of deletes re-encoded with it.
    for (const row of rows) expect(row.data.length).toBeLessThan(200);
  });

  it("an honest client whose edit races its own sync is told to re-sync, and nothing is lost", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    // Offline edits (e1), then one more on top of them (e2) that arrives before e1 does.
    const offline = new Y.Doc();
    offline.getText("t").insert(0, "e1;");
    const afterE1 = Y.encodeStateVector(offline);
    offline.getText("t").insert(3, "e2;");
    expect(await sendAsEditor(documentId, Y.encodeStateAsUpdate(offline, afterE1))).toBe(
      CLOSE_CODES.resyncNeeded,
    );
    // Its reconnect syncs both.
    const back = client(documentId, people.editor.cookie, offline);
    await back.synced();
    const reader = client(documentId, people.viewer.cookie, new Y.Doc());
    await eventually(() => reader.doc.getText("t").toString() === "e1;e2;", 3000, "both edits arrive");
  });

  it("a document stored with content whose dependencies are missing loads without it and takes edits again", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    // As an earlier version of the server stored it: a log row with a gap of 300 kB.
    await server.themawerk.database.db
      .insertInto("document_updates")
      .values({ document_id: documentId, data: structsWithAGap(300_000), created_at: nowIso() })
      .execute();
    const collab = server.themawerk.collab;
    collab.settings.maxDocumentBytes = 200_000;
    try {
      const writer = client(documentId, people.editor.cookie);
      await writer.synced();
      const reader = client(documentId, people.viewer.cookie);
      await reader.synced();
      writer.doc.getText("t").insert(0, "niet gebrickt");
      await eventually(
        () => reader.doc.getText("t").toString() === "niet gebrickt",
        3000,
        "edits are accepted",
      );
      const room = collab.loadedRoom(documentId);
      expect(room?.doc.store.pendingStructs ?? null).toBeNull();
      await room?.flush();
      // The load folded the log into a clean state row.
      const state = await server.themawerk.database.db
        .selectFrom("document_states")
        .select("state")
        .where("document_id", "=", documentId)
        .executeTakeFirst();
      expect(state?.state.length ?? 0).toBeLessThan(1000);
    } finally {
      collab.settings.maxDocumentBytes = 16 * 1024 * 1024;
    }
  });

  it("an update that only deletes is accepted at the size limit, so a full document can shrink", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const collab = server.themawerk.collab;
    try {
      const writer = client(documentId, people.editor.cookie);
      await writer.synced();
      writer.doc.getText("t").insert(0, "a".repeat(4000));
      await eventually(async () => (await storedRows(documentId)) === 1, 3000, "the text is stored");
      // The document is exactly at its limit now.
      const room = collab.loadedRoom(documentId);
      collab.settings.maxDocumentBytes = Y.encodeStateAsUpdate(room?.doc ?? new Y.Doc()).length;
      const refused = writer.nextClose();
      writer.doc.getText("t").insert(0, "b");
      expect(await refused).toBe(CLOSE_CODES.documentTooLarge);
      writer.destroy();
      const second = client(documentId, people.editor.cookie, new Y.Doc());
      await second.synced();
      second.doc.getText("t").delete(0, 3000);
      const reader = client(documentId, people.viewer.cookie, new Y.Doc());
      await eventually(() => reader.doc.getText("t").length === 1000, 3000, "the delete is accepted");
    } finally {
      collab.settings.maxDocumentBytes = 16 * 1024 * 1024;
    }
  });
});
