import * as Y from "yjs";
import { type CollabClient, collabClient } from "../tests/helpers/collab-clients";
import { startServerProcess } from "../tests/helpers/collab-process";
import { seedWorkspaceDocument } from "../tests/helpers/seed-storage";
import { createTestStorage } from "../tests/helpers/test-database";
import { spawnReady } from "./process";
import { ms, quantile } from "./stats";

const READERS = 49;
const EDITS_PER_BLOCK = 250;
const BLOCKS = 8;
const WARMUP = 50;

export interface FanoutResult {
  ours: { p50: number; p99: number };
  bare: { p50: number; p99: number };
  ratioP99: number;
  samplesEach: number;
}

interface Room {
  writer: CollabClient;
  readers: CollabClient[];
}

async function openRoom(
  baseUrl: string,
  documentId: string,
  cookies: { writer?: string; reader?: string },
): Promise<Room> {
  const writer = collabClient(baseUrl, documentId, { cookie: cookies.writer });
  const readers = Array.from({ length: READERS }, () =>
    collabClient(baseUrl, documentId, { cookie: cookies.reader }),
  );
  await Promise.all([writer, ...readers].map((c) => c.synced()));
  return { writer, readers };
}

/** Times `count` single-keystroke edits from send until every reader has applied them. */
async function measure(room: Room, count: number): Promise<number[]> {
  const samples: number[] = [];
  const text = room.writer.doc.getText("t");
  for (let i = 0; i < count; i++) {
    let pending = room.readers.length;
    const t0 = performance.now();
    const done = new Promise<number>((resolve) => {
      for (const r of room.readers) {
        const on = (_u: Uint8Array, origin: unknown) => {
          if (origin !== r.provider) return;
          r.doc.off("update", on);
          if (--pending === 0) resolve(performance.now() - t0);
        };
        r.doc.on("update", on);
      }
    });
    text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    samples.push(await done);
    await new Promise((r) => setTimeout(r, 2));
  }
  return samples;
}

/** One writer and 49 readers on one document, on our server and on @y/websocket-server 0.1.1. */
export async function runCollabFanout(log: (line: string) => void): Promise<FanoutResult> {
  const storage = await createTestStorage();
  const { people, documentId } = await seedWorkspaceDocument(storage);

  const ours = await startServerProcess(storage);
  const bare = await spawnReady("yws-server.ts");
  const rooms: Room[] = [];
  try {
    const ourRoom = await openRoom(ours.url, documentId, {
      writer: people.editor.cookie,
      reader: people.viewer.cookie,
    });
    const bareRoom = await openRoom(`http://127.0.0.1:${bare.port}`, documentId, {});
    rooms.push(ourRoom, bareRoom);
    await measure(ourRoom, WARMUP);
    await measure(bareRoom, WARMUP);
    const oursSamples: number[] = [];
    const bareSamples: number[] = [];
    // Alternate blocks so drift on the machine hits both servers alike.
    for (let b = 0; b < BLOCKS; b++) {
      oursSamples.push(...(await measure(ourRoom, EDITS_PER_BLOCK)));
      bareSamples.push(...(await measure(bareRoom, EDITS_PER_BLOCK)));
    }
    const check = new Y.Doc();
    Y.applyUpdate(check, Y.encodeStateAsUpdate(ourRoom.readers[0].doc));
    if (check.getText("t").length !== WARMUP + BLOCKS * EDITS_PER_BLOCK)
      throw new Error("readers missed edits");
    const result: FanoutResult = {
      ours: { p50: quantile(oursSamples, 0.5), p99: quantile(oursSamples, 0.99) },
      bare: { p50: quantile(bareSamples, 0.5), p99: quantile(bareSamples, 0.99) },
      ratioP99: quantile(oursSamples, 0.99) / quantile(bareSamples, 0.99),
      samplesEach: oursSamples.length,
    };
    log(
      `collab fan-out, 1 writer → ${READERS} readers, ${result.samplesEach} edits each (${storage.databaseUrl ? "PostgreSQL" : "SQLite"})`,
    );
    log(`  themawerk (auth + persist)   p50 ${ms(result.ours.p50)}   p99 ${ms(result.ours.p99)}`);
    log(`  @y/websocket-server 0.1.1    p50 ${ms(result.bare.p50)}   p99 ${ms(result.bare.p99)}`);
    log(
      `  ratio p99 ours/bare          ${result.ratioP99.toFixed(2)}×  (p50 ${(result.ours.p50 / result.bare.p50).toFixed(2)}×)`,
    );
    return result;
  } finally {
    for (const room of rooms) for (const c of [room.writer, ...room.readers]) c.destroy();
    await ours.stop("SIGTERM");
    await bare.stop();
    await storage.cleanup();
  }
}
