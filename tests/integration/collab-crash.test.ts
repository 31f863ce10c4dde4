import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabClient, collabClient } from "../helpers/collab-clients";
import { type ServerProcess, startServerProcess } from "../helpers/collab-process";
import { seedWorkspaceDocument } from "../helpers/seed-storage";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

let storage: TestStorage | undefined;
const processes: ServerProcess[] = [];
const clients: CollabClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const p of processes) await p.stop("SIGKILL");
  await storage?.cleanup();
});

it("SIGKILL at a random moment loses no update that had reached another client", async () => {
  storage = await createTestStorage();
  const { people, documentId } = await seedWorkspaceDocument(storage);

  const first = await startServerProcess(storage);
  processes.push(first);
  const writers = [people.editor, people.facilitator, people.editor, people.facilitator, people.editor].map(
    (who) => {
      const c = collabClient(first.url, documentId, { cookie: who.cookie });
      clients.push(c);
      return c;
    },
  );
  await Promise.all(writers.map((c) => c.synced()));

  // Each writer appends "<writer>:<n>" about every 10 ms until the kill.
  let counter = 0;
  const timers = writers.map((c, i) =>
    setInterval(() => {
      c.doc.getArray<string>("log").push([`${i}:${counter++}`]);
    }, 10),
  );
  await new Promise((r) => setTimeout(r, 600 + Math.random() * 1200));
  first.child.kill("SIGKILL");
  for (const t of timers) clearInterval(t);
  await first.exited;

  // What a writer holds from another writer can only have come through the server.
  const reached = new Set<string>();
  writers.forEach((c, i) => {
    for (const entry of c.doc.getArray<string>("log").toArray()) {
      if (!entry.startsWith(`${i}:`)) reached.add(entry);
    }
  });
  for (const c of writers) c.destroy();
  expect(reached.size).toBeGreaterThan(50);

  const second = await startServerProcess(storage);
  processes.push(second);
  const reader = collabClient(second.url, documentId, { cookie: people.viewer.cookie, doc: new Y.Doc() });
  clients.push(reader);
  await reader.synced();
  const reloaded = new Set(reader.doc.getArray<string>("log").toArray());
  const missing = Array.from(reached).filter((entry) => !reloaded.has(entry));
  expect(missing).toEqual([]);
  await second.stop("SIGTERM");
}, 45_000);
