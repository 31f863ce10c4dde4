import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { composeThemawerk, type Themawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { type Haproxy, startHaproxy } from "./haproxy";
import { type MeiliServer, startMeilisearch } from "./meilisearch";
import { freePort, type SpawnedServer, startServerProcess } from "./spawn-server";

export const REDIS_SERVER = "/usr/bin/redis-server";
export const redisServerAvailable = fs.existsSync(REDIS_SERVER);

/** A Redis server of the suite's own (so it can be stopped and started), keeping nothing on disk. */
export interface OwnRedis {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        REDIS_SERVER,
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {
          stdio: "ignore",
        },
      );
      await waitForPort(port);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGKILL");
      await exited;
    },
  };
  await redis.start();
  return redis;
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const conn = net.connect(port, "127.0.0.1", () => {
        conn.end();
        resolve(true);
      });
      conn.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

/**
 * Two real app processes on PostgreSQL (a fresh database), a Redis of the suite's own and the real
 * Meilisearch, with HAProxy in front (round robin, not sticky). `fixtures` is a third instance in
 * this process that never listens: tests create people and documents through it.
 */
export interface ScaleCluster {
  /** What clients use: HAProxy's address, which every instance's PUBLIC_URL names. */
  publicUrl: string;
  instances: [SpawnedServer, SpawnedServer];
  haproxy: Haproxy;
  redis: OwnRedis;
  fixtures: Themawerk;
  /** Starts instance `i` again on its port (after a kill). */
  restart(i: 0 | 1): Promise<SpawnedServer>;
  close(): Promise<void>;
}

export async function startScaleCluster(): Promise<ScaleCluster> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `themawerk_scale_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const dirs: string[] = [];
  const dir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-scale-"));
    dirs.push(d);
    return d;
  };
  let meili: MeiliServer | undefined;
  let redis: OwnRedis | undefined;
  let fixtures: Themawerk | undefined;
  const instances: SpawnedServer[] = [];
  let haproxy: Haproxy | undefined;
  const close = async () => {
    await haproxy?.stop();
    for (const instance of instances) {
      if (instance.child.exitCode === null) {
        instance.child.kill("SIGTERM");
        await instance.exited;
      }
    }
    await fixtures?.close();
    await redis?.stop();
    await meili?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    meili = await startMeilisearch();
    redis = await startOwnRedis();
    const publicPort = await freePort();
    const publicUrl = `http://127.0.0.1:${publicPort}`;
    const env = {
      DATABASE_URL: databaseUrl.toString(),
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `scale-test-${Math.random().toString(36).slice(2, 8)}:`,
      PUBLIC_URL: publicUrl,
      TRUSTED_PROXIES: "127.0.0.1",
      DEMO: "0",
    };
    // The fixtures instance migrates the fresh database first, so the two processes start on a ready one.
    fixtures = await composeThemawerk(
      loadConfig({ ...env, DATA_DIR: dir(), LOG_LEVEL: "silent" }),
      createLogger("silent"),
    );
    const ports = [await freePort(), await freePort()];
    const start = (i: number) =>
      startServerProcess({ ...env, DATA_DIR: dir(), LOG_LEVEL: "warn", PORT: String(ports[i]) });
    instances.push(await start(0), await start(1));
    haproxy = await startHaproxy({
      port: publicPort,
      backends: ports.map((port) => ({ host: "127.0.0.1", port })),
    });
    const cluster: ScaleCluster = {
      publicUrl,
      instances: instances as [SpawnedServer, SpawnedServer],
      haproxy,
      redis,
      fixtures,
      async restart(i) {
        const instance = await start(i);
        instances[i] = instance;
        cluster.instances[i] = instance;
        return instance;
      },
      close,
    };
    return cluster;
  } catch (error) {
    await close();
    throw error;
  }
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
