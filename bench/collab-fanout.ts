import { monitorEventLoopDelay } from "node:perf_hooks";
import * as Y from "yjs";
import { type CollabClient, collabClient } from "../tests/helpers/collab-clients";
import { startServerProcess } from "../tests/helpers/collab-process";
import { addMember, createUser } from "../tests/helpers/fixtures";
import { blockText, seedRealisticDocument, typeAtBlockEnd } from "../tests/helpers/realistic-document";
import { seedWorkspaceDocument } from "../tests/helpers/seed-storage";
import { createTestStorage } from "../tests/helpers/test-database";
import { spawnReady } from "./process";
import { ms, quantile } from "./stats";

export const READERS = 49;
/** Keystrokes per second from the writer: a steady typist, well under the per-user message limit. */
const EDITS_PER_SECOND = 20;
export const EDITS_PER_BLOCK = 300;
export const BLOCKS = 4;
export const WARMUP = 40;

export interface Latencies {
  p50: number;
  p99: number;
  max: number;
}

export interface FanoutResult {
  ours: Latencies;
  bare: Latencies;
  /** ours / bare for each figure. */
  ratio: Latencies;
  samplesEach: number;
  /** Longest event-loop stall of this process (all 100 clients) while measuring: a floor under every max. */
  clientStallMs: number;
}

export interface Room {
  writer: CollabClient;
  readers: CollabClient[];
}

export async function openRoom(
  baseUrl: string,
  documentId: string,
  cookies: { writer?: string; readers?: string[] },
  content?: Uint8Array,
  /** Where the readers connect (another instance, in scale-out mode); the writer's server when absent. */
  readersUrl: string = baseUrl,
  /** The app's own origin when it answers under another address than `baseUrl` (behind a load balancer). */
  origin?: string,
): Promise<Room> {
  const doc = new Y.Doc();
  // The bare server starts empty: its writer brings the same document along.
  if (content) Y.applyUpdate(doc, content);
  const writer = collabClient(baseUrl, documentId, { cookie: cookies.writer, doc, origin });
  await writer.synced();
  const readers = Array.from({ length: READERS }, (_, i) =>
    collabClient(readersUrl, documentId, { cookie: cookies.readers?.[i], origin }),
  );
  await Promise.all(readers.map((c) => c.synced()));
  return { writer, readers };
}

/**
 * Types `count` keystrokes at EDITS_PER_SECOND into an existing paragraph of the document (the
 * paragraph's Y.XmlText, what Lexical changes for a keystroke) and times each from the writer's local
 * change until all readers have applied it. The schedule does not wait for the readers, so a stall
 * delays every keystroke typed during it, as it would for a person typing.
 */
export async function measure(room: Room, count: number, paragraph: number): Promise<number[]> {
  const writerId = room.writer.doc.clientID;
  const text = blockText(room.writer.doc, "paragraph", paragraph);
  const base = Y.getState(room.writer.doc.store, writerId);
  const sentAt: number[] = [];
  const waiting = new Array<number>(count).fill(room.readers.length);
  const latencies = new Array<number>(count);
  let arrived = 0;
  let finish: () => void = () => {};
  const allArrived = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const stops = room.readers.map((reader) => {
    // One character is one clock tick of the writer: the reader's state of the writer says which keystrokes it has.
    let seen = Y.getState(reader.doc.store, writerId);
    const onUpdate = () => {
      const now = performance.now();
      const state = Y.getState(reader.doc.store, writerId);
      for (; seen < state; seen++) {
        const edit = seen - base;
        if (edit < 0 || edit >= count || --waiting[edit] > 0) continue;
        latencies[edit] = now - sentAt[edit];
        if (++arrived === count) finish();
      }
    };
    reader.doc.on("update", onUpdate);
    return () => reader.doc.off("update", onUpdate);
  });
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / EDITS_PER_SECOND;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    sentAt[i] = performance.now();
    typeAtBlockEnd(text, String.fromCharCode(97 + (i % 26)));
  }
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`readers missed edits (${arrived} of ${count} arrived)`)),
      30_000,
    ).unref(),
  );
  try {
    await Promise.race([allArrived, timeout]);
  } finally {
    for (const stop of stops) stop();
  }
  return latencies;
}

export const figures = (samples: number[]): Latencies => ({
  p50: quantile(samples, 0.5),
  p99: quantile(samples, 0.99),
  max: Math.max(...samples),
});

/**
 * One writer and 49 readers on one realistic document (≈300 paragraphs, 50 lessons), on our server and on
 * @y/websocket-server 0.1.1. Our server runs with production settle timings, so its settle work
 * (extraction, lesson sync, indexing) runs every few seconds while the writer types.
 */
export async function runCollabFanout(log: (line: string) => void): Promise<FanoutResult> {
  const storage = await createTestStorage();
  const { people, documentId, prepared } = await seedWorkspaceDocument(storage, async (setup, seeded) => {
    const content = await seedRealisticDocument(setup, {
      workspaceId: seeded.people.workspaceId,
      documentId: seeded.documentId,
      authorId: seeded.people.facilitator.id,
    });
    // Each reader is a viewer of its own, with its own session: limits hold per user and per session.
    const readerCookies: string[] = [];
    for (let i = 0; i < READERS; i++) {
      const reader = await createUser(setup, `Lezer ${i}`);
      await addMember(setup, seeded.people.workspaceId, reader, "viewer");
      readerCookies.push(reader.cookie);
    }
    return { content, readerCookies };
  });

  const ours = await startServerProcess(storage);
  const bare = await spawnReady("yws-server.ts");
  const rooms: Room[] = [];
  try {
    const ourRoom = await openRoom(ours.url, documentId, {
      writer: people.editor.cookie,
      readers: prepared.readerCookies,
    });
    const bareRoom = await openRoom(`http://127.0.0.1:${bare.port}`, documentId, {}, prepared.content.update);
    rooms.push(ourRoom, bareRoom);
    await measure(ourRoom, WARMUP, 0);
    await measure(bareRoom, WARMUP, 0);
    const oursSamples: number[] = [];
    const bareSamples: number[] = [];
    const clientDelay = monitorEventLoopDelay({ resolution: 1 });
    clientDelay.enable();
    // Alternate blocks so drift on the machine hits both servers alike.
    for (let b = 0; b < BLOCKS; b++) {
      oursSamples.push(...(await measure(ourRoom, EDITS_PER_BLOCK, 1 + b)));
      bareSamples.push(...(await measure(bareRoom, EDITS_PER_BLOCK, 1 + b)));
    }
    clientDelay.disable();
    const oursFigures = figures(oursSamples);
    const bareFigures = figures(bareSamples);
    const result: FanoutResult = {
      ours: oursFigures,
      bare: bareFigures,
      ratio: {
        p50: oursFigures.p50 / bareFigures.p50,
        p99: oursFigures.p99 / bareFigures.p99,
        max: oursFigures.max / bareFigures.max,
      },
      samplesEach: oursSamples.length,
      clientStallMs: clientDelay.max / 1e6,
    };
    const stateKiB = (prepared.content.update.byteLength / 1024).toFixed(0);
    log(
      `collab fan-out, 1 writer → ${READERS} readers, ${result.samplesEach} keystrokes each at ${EDITS_PER_SECOND}/s into a ${stateKiB} KiB document with ${prepared.content.lessonIds.length} lessons (${storage.databaseUrl ? "PostgreSQL" : "SQLite"})`,
    );
    const line = (f: Latencies) => `p50 ${ms(f.p50)}   p99 ${ms(f.p99)}   max ${ms(f.max)}`;
    log(`  themawerk (auth + persist + settle)   ${line(result.ours)}`);
    log(`  @y/websocket-server 0.1.1             ${line(result.bare)}`);
    log(
      `  ratio ours/bare                       p50 ${result.ratio.p50.toFixed(2)}×   p99 ${result.ratio.p99.toFixed(2)}×   max ${result.ratio.max.toFixed(2)}×`,
    );
    log(`  longest stall of the client process   ${ms(result.clientStallMs)}`);
    return result;
  } finally {
    for (const room of rooms) for (const c of [room.writer, ...room.readers]) c.destroy();
    await ours.stop("SIGTERM");
    await bare.stop();
    await storage.cleanup();
  }
}
