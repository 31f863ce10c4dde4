import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CollabServer, DocumentStore, singleInstance } from "../../server/collab";
import { UpgradeAuthenticator } from "../../server/collab/upgrade-auth";
import { type DatabaseHandle, openDatabase } from "../../server/db/database";
import { createLogger } from "../../server/logger";
import { collabClient } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { createTestStorage, type TestStorage } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

// In scale-out mode several instances append to one document's log, and none of them holds every
// update in memory. Compaction must therefore fold what the store holds, one instance at a time,
// and keep a row that commits after it read the log. Two database handles on one PostgreSQL
// database stand in for two instances. Always PostgreSQL: that is the only shared store.

/** An update that writes `text` at the end of the "t" text of a doc that starts from `base`. */
function updateWriting(text: string, base?: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

function textOf(doc: Y.Doc): string {
  return doc.getText("t").toString();
}

describe("folding a log that several instances append to (PostgreSQL)", () => {
  let storage: TestStorage;
  let app: TestServer;
  let instanceB: DatabaseHandle;
  let people: Awaited<ReturnType<typeof workspaceWithRoles>>;

  beforeAll(async () => {
    storage = await createTestStorage(
      process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    );
    app = await startTestServer({ DATABASE_URL: storage.databaseUrl as string });
    instanceB = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir });
    people = await workspaceWithRoles(app.themawerk);
  });

  afterAll(async () => {
    await instanceB?.close();
    await app?.close();
    await storage?.cleanup();
  });

  const storeA = () => new DocumentStore(app.themawerk.database.db, undefined, "postgres");
  const logRows = (documentId: string) =>
    app.themawerk.database.db
      .selectFrom("document_updates")
      .select("id")
      .where("document_id", "=", documentId)
      .execute();

  it("keeps a row that commits with a lower id after a fold read the log, and folds it next time", async () => {
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.editor, "Straggler");
    const a = storeA();
    // Instance B's append takes its id, then waits before it commits: a slow transaction.
    let commitB!: () => void;
    const commitGate = new Promise<void>((resolve) => {
      commitB = resolve;
    });
    let inserted = false;
    const b = new DocumentStore(
      instanceB.db,
      (work) =>
        instanceB.db.transaction().execute(async (trx) => {
          const result = await work(trx);
          inserted = true;
          await commitGate;
          return result;
        }),
      "postgres",
    );

    const first = updateWriting("A1 ");
    const firstId = await a.append(documentId, first);
    const straggler = b.append(documentId, updateWriting("B1 ", first));
    await expect.poll(() => inserted).toBe(true);
    const thirdId = await a.append(documentId, updateWriting("A2 ", first));

    expect(await a.foldStored(documentId)).toBe(true);
    const state = await app.themawerk.database.db
      .selectFrom("document_states")
      .select("last_update_id")
      .where("document_id", "=", documentId)
      .executeTakeFirstOrThrow();
    expect(Number(state.last_update_id)).toBe(thirdId);

    commitB();
    const stragglerId = await straggler;
    // The straggler's id lies between the two rows the fold read and deleted.
    expect(stragglerId).toBeGreaterThan(firstId);
    expect(stragglerId).toBeLessThan(thirdId);
    expect((await logRows(documentId)).map((row) => Number(row.id))).toEqual([stragglerId]);

    const loaded = await a.load(documentId);
    expect(textOf(loaded.doc)).toContain("A1 ");
    expect(textOf(loaded.doc)).toContain("A2 ");
    expect(textOf(loaded.doc)).toContain("B1 ");
    expect(loaded.logLength).toBe(1);

    expect(await a.foldStored(documentId)).toBe(true);
    expect(await logRows(documentId)).toEqual([]);
    const refolded = await b.load(documentId);
    expect(textOf(refolded.doc)).toBe(textOf(loaded.doc));
    expect(refolded.logLength).toBe(0);
    // Nothing left to fold.
    expect(await a.foldStored(documentId)).toBe(false);
  });

  it("lets one instance fold a document at a time and leaves the log to the one that holds the lock", async () => {
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.editor, "Locked");
    const a = storeA();
    await a.append(documentId, updateWriting("eerste "));
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = false;
    // Instance B is folding this document: it holds the fold lock for its transaction.
    const holder = instanceB.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7301, hashtext(${documentId}))`.execute(trx);
      holding = true;
      await released;
    });
    await expect.poll(() => holding).toBe(true);
    expect(await a.foldStored(documentId)).toBe(false);
    expect(await logRows(documentId)).toHaveLength(1);
    // Another document is not held up.
    const other = await createDocument(app.themawerk, people.workspaceId, people.editor, "Free");
    await a.append(other, updateWriting("vrij "));
    expect(await a.foldStored(other)).toBe(true);
    release();
    await holder;
    expect(await a.foldStored(documentId)).toBe(true);
    expect(await logRows(documentId)).toEqual([]);
    expect(textOf((await a.load(documentId)).doc)).toBe("eerste ");
  });

  it("a room that shares its log folds the stored rows, so an update it never heard is kept", async () => {
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.editor, "Room");
    const { deps, database } = app.themawerk;
    const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const store = new DocumentStore(database.db, database.withoutFlushWait, "postgres");
    // A relay that hears nothing but says the log is shared: the room misses instance B's update
    // entirely, the worst case of a dropped message.
    const relay = { ...singleInstance, shared: true };
    const collab = new CollabServer(
      store,
      new UpgradeAuthenticator(url, deps.sessions, deps.access, store),
      createLogger("silent"),
      { compactEveryUpdates: 2 },
      undefined,
      relay,
    );
    collab.attach(httpServer);
    const client = collabClient(url, documentId, { cookie: people.editor.cookie, origin: url });
    try {
      await client.synced();
      client.doc.getText("t").insert(0, "kamer-een ");
      await expect.poll(async () => (await logRows(documentId)).length).toBe(1);
      // Instance B stores an update this room never hears of.
      const b = new DocumentStore(instanceB.db, undefined, "postgres");
      await b.append(documentId, updateWriting("van-B ", Y.encodeStateAsUpdate(client.doc)));
      // The room's second update reaches its compaction threshold.
      client.doc.getText("t").insert(client.doc.getText("t").length, "kamer-twee ");
      await expect
        .poll(async () => {
          const folded = await database.db
            .selectFrom("document_states")
            .select("document_id")
            .where("document_id", "=", documentId)
            .execute();
          return folded.length;
        })
        .toBe(1);
      const stored = textOf((await store.load(documentId)).doc);
      expect(stored).toContain("kamer-een ");
      expect(stored).toContain("kamer-twee ");
      expect(stored).toContain("van-B ");
    } finally {
      client.destroy();
      await collab.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
  });
});
