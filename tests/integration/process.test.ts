import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestStorage, type TestStorage } from "../helpers/test-database";
import { spawnMain, startServerProcess } from "../helpers/spawn-server";

const storages: TestStorage[] = [];
afterAll(async () => {
  for (const s of storages) await s.cleanup();
});

function collect(child: ReturnType<typeof spawnMain>): Promise<{ code: number | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("the server process", () => {
  it("refuses a bad PORT with one line naming PORT", async () => {
    const { code, output } = await collect(spawnMain({ PORT: "abc", DATA_DIR: os.tmpdir() }));
    expect(code).not.toBe(0);
    const lines = output.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
  });

  it("starts, answers /healthz, logs requests with an id, stops cleanly on SIGINT, and reuses its data", async () => {
    const storage = await createTestStorage();
    storages.push(storage);
    const env: Record<string, string> = { DATA_DIR: storage.dataDir, DEMO: "0" };
    if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;

    const first = await startServerProcess(env);
    expect(first.output()).toMatch(/open http:\/\/localhost:\d+/);
    const res = await fetch(`${first.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    const requestLine = first
      .output()
      .split("\n")
      .find((l) => l.includes('"msg":"request"'));
    expect(requestLine).toBeDefined();
    const logged = JSON.parse(requestLine ?? "{}");
    expect(logged).toMatchObject({ method: "GET", path: "/healthz", status: 200 });
    expect(logged.requestId).toMatch(/^[0-9a-f-]{36}$/);

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);
    if (!storage.databaseUrl) {
      expect(fs.existsSync(path.join(storage.dataDir, "themawerk.sqlite"))).toBe(true);
    }

    const second = await startServerProcess(env);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
