import * as Y from "yjs";
import { DocumentStore } from "../server/collab";
import { composeThemawerk, type Themawerk } from "../server/compose";
import { loadConfig } from "../server/config";
import { createLogger } from "../server/logger";
import { collabClient } from "../tests/helpers/collab-clients";
import { freePort } from "../tests/helpers/collab-process";
import { createDocument, workspaceWithRoles } from "../tests/helpers/fixtures";
import { createTestStorage } from "../tests/helpers/test-database";
import { ms, quantile } from "./stats";

const TARGET_CHARS = 1024 * 1024;
const AUTHORS = 5;
const RUNS = 5;

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error("timed out");
}

/**
 * About 1 MB of text written the way a meeting writes it: five authors, sentence-sized edits at
 * scattered places, some deletions. Returns the updates in order, as the server would log them.
 */
function meetingHistory(): { updates: Uint8Array[]; length: number } {
  const authors = Array.from({ length: AUTHORS }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  authors.forEach((doc, i) => {
    doc.on("update", (u: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      updates.push(u);
      authors.forEach((other, j) => {
        if (j !== i) Y.applyUpdate(other, u, "remote");
      });
    });
  });
  const sentence = "Het centrum van de stad vraagt een andere aanpak dan de rand; zo leerde de werkgroep. ";
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const text0 = authors[0].getText("t");
  while (text0.length < TARGET_CHARS) {
    const author = authors[Math.floor(random() * AUTHORS)].getText("t");
    const at = Math.floor(random() * (author.length + 1));
    author.insert(at, sentence.repeat(1 + Math.floor(random() * 6)));
    if (random() < 0.1 && author.length > 200)
      author.delete(Math.floor(random() * (author.length - 100)), 40);
  }
  return { updates, length: text0.length };
}

async function timeLoads(
  themawerk: Themawerk,
  documentId: string,
  expectedLength: number,
): Promise<number[]> {
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const doc = await themawerk.collab.readDocument(documentId);
    loads.push(performance.now() - t0);
    if (doc.getText("t").length !== expectedLength) throw new Error("cold load lost text");
  }
  return loads;
}

const summary = (values: number[]) =>
  `median ${ms(quantile(values, 0.5))}  (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}, ${values.length} runs)`;

/** Cold load of a document of about 1 MB of text from the database: stored state + update log → Y.Doc. */
export async function runCollabCold(
  log: (line: string) => void,
): Promise<{ loadMs: number; connectMs: number }> {
  const storage = await createTestStorage();
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl,
    DEMO: "0",
    LOG_LEVEL: "silent",
  });
  const themawerk = await composeThemawerk(config, createLogger("silent"));
  try {
    const people = await workspaceWithRoles(themawerk);
    const { collab } = themawerk;
    collab.settings.unloadGraceMs = 0;
    const history = meetingHistory();

    // (a) Through the server: compacted every 500 updates and on unload, so one state row.
    const compacted = await createDocument(themawerk, people.workspaceId, people.facilitator);
    for (const update of history.updates) await collab.applyServerUpdate(compacted, update, people.editor.id);
    await waitUntil(() => !collab.loadedDocumentIds().includes(compacted));
    // (b) As after a crash before any compaction: the whole history as log rows.
    const logOnly = await createDocument(themawerk, people.workspaceId, people.facilitator);
    const store = new DocumentStore(themawerk.database.db);
    for (const update of history.updates) await store.append(logOnly, update);

    const compactedLoads = await timeLoads(themawerk, compacted, history.length);
    const logLoads = await timeLoads(themawerk, logOnly, history.length);

    await themawerk.listen();
    const connects: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await waitUntil(() => !collab.loadedDocumentIds().includes(compacted));
      const t0 = performance.now();
      const c = collabClient(config.publicUrl, compacted, { cookie: people.viewer.cookie });
      await c.synced();
      connects.push(performance.now() - t0);
      if (c.doc.getText("t").length !== history.length) throw new Error("client got a partial document");
      c.destroy();
    }
    const db = storage.databaseUrl ? "PostgreSQL" : "SQLite";
    log(
      `collab cold load, ${(history.length / 1024 / 1024).toFixed(2)} MB of text by ${AUTHORS} authors in ${history.updates.length} edits (${db})`,
    );
    log(`  readDocument, compacted state row      ${summary(compactedLoads)}`);
    log(`  readDocument, ${history.updates.length} log rows, no state  ${summary(logLoads)}`);
    log(`  provider connect → synced, cold        ${summary(connects)}`);
    return { loadMs: quantile(compactedLoads, 0.5), connectMs: quantile(connects, 0.5) };
  } finally {
    await themawerk.close();
    await storage.cleanup();
  }
}
