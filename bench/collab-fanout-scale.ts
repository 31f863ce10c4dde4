import { addMember, createDocument, createUser, workspaceWithRoles } from "../tests/helpers/fixtures";
import { seedRealisticDocument } from "../tests/helpers/realistic-document";
import { startScaleCluster } from "../tests/helpers/scale-cluster";
import {
  BLOCKS,
  EDITS_PER_BLOCK,
  figures,
  type Latencies,
  measure,
  openRoom,
  READERS,
  type Room,
  WARMUP,
} from "./collab-fanout";
import { ms } from "./stats";

export interface ScaleFanoutResult {
  oneInstance: Latencies;
  twoInstances: Latencies;
  /** twoInstances / oneInstance for each figure (the aim: p99 within 1.5×). */
  ratio: Latencies;
  samplesEach: number;
}

/**
 * Scale-out fan-out: one writer and 49 readers on one realistic document, on a cluster of two app
 * processes (PostgreSQL, Redis, Meilisearch). Once with the readers on the writer's instance, once with
 * them on the other instance (every keystroke then crosses Redis), alternating blocks in one run.
 */
export async function runCollabFanoutScale(log: (line: string) => void): Promise<ScaleFanoutResult> {
  const cluster = await startScaleCluster();
  const rooms: Room[] = [];
  try {
    const t = cluster.fixtures;
    const people = await workspaceWithRoles(t);
    const readerCookies: string[] = [];
    for (let i = 0; i < READERS; i++) {
      const reader = await createUser(t, `Lezer ${i}`);
      await addMember(t, people.workspaceId, reader, "viewer");
      readerCookies.push(reader.cookie);
    }
    const seed = async (title: string) => {
      const documentId = await createDocument(t, people.workspaceId, people.facilitator, title);
      await seedRealisticDocument(t, {
        workspaceId: people.workspaceId,
        documentId,
        authorId: people.facilitator.id,
      });
      return documentId;
    };
    const [a, b] = cluster.instances.map((instance) => instance.url);
    const cookies = { writer: people.editor.cookie, readers: readerCookies };
    // Two documents of the same shape, so each room keeps its own readers and its own settle work.
    const same = await openRoom(a, await seed("Eén instantie"), cookies, undefined, a, cluster.publicUrl);
    const across = await openRoom(a, await seed("Twee instanties"), cookies, undefined, b, cluster.publicUrl);
    rooms.push(same, across);
    await measure(same, WARMUP, 0);
    await measure(across, WARMUP, 0);
    const sameSamples: number[] = [];
    const acrossSamples: number[] = [];
    for (let block = 0; block < BLOCKS; block++) {
      sameSamples.push(...(await measure(same, EDITS_PER_BLOCK, 1 + block)));
      acrossSamples.push(...(await measure(across, EDITS_PER_BLOCK, 1 + block)));
    }
    const oneInstance = figures(sameSamples);
    const twoInstances = figures(acrossSamples);
    const result: ScaleFanoutResult = {
      oneInstance,
      twoInstances,
      ratio: {
        p50: twoInstances.p50 / oneInstance.p50,
        p99: twoInstances.p99 / oneInstance.p99,
        max: twoInstances.max / oneInstance.max,
      },
      samplesEach: sameSamples.length,
    };
    const line = (f: Latencies) => `p50 ${ms(f.p50)}   p99 ${ms(f.p99)}   max ${ms(f.max)}`;
    log(
      `collab fan-out, scale-out mode (2 app processes, PostgreSQL, Redis), 1 writer → ${READERS} readers, ${result.samplesEach} keystrokes each`,
    );
    log(`  readers on the writer's instance      ${line(oneInstance)}`);
    log(`  readers on the other instance         ${line(twoInstances)}`);
    log(
      `  ratio other/same                      p50 ${result.ratio.p50.toFixed(2)}×   p99 ${result.ratio.p99.toFixed(2)}×   max ${result.ratio.max.toFixed(2)}×`,
    );
    return result;
  } finally {
    for (const room of rooms) for (const c of [room.writer, ...room.readers]) c.destroy();
    await cluster.close();
  }
}
