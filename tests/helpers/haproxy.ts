import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./spawn-server";

export const HAPROXY_PATH = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";

/** Load-balancer tests need Debian's HAProxy; say how to get it when it is missing. */
export const haproxyAvailable = fs.existsSync(HAPROXY_PATH);
export const haproxyMissingMessage = `HAProxy not found at ${HAPROXY_PATH}: load-balancer tests skipped. Install it with \`apt-get install haproxy\`.`;
if (!haproxyAvailable) console.warn(haproxyMissingMessage);

export interface HaproxyBackend {
  host: string;
  port: number;
}

export interface Haproxy {
  url: string;
  port: number;
  /** Takes backend `index` (in the order given) out of rotation, or puts it back, through HAProxy's runtime API. */
  setBackendDown(index: number, down: boolean): Promise<void>;
  output(): string;
  /** Stops HAProxy and removes its temporary folder. */
  stop(): Promise<void>;
}

/**
 * deploy/haproxy.cfg for tests: round robin (not sticky), WebSocket-friendly timeouts, the health check
 * on `healthPath` every 500 ms so tests react fast, and the same fallback: when no backend passes the
 * health check, requests go to every backend that accepts connections.
 */
function configFor(backends: HaproxyBackend[], healthPath: string, port: number, socket: string): string {
  const servers = backends.map(
    (b, i) => `  server s${i} ${b.host}:${b.port} check inter 500ms fall 2 rise 1`,
  );
  return [
    "global",
    "  maxconn 1024",
    `  stats socket ${socket} level admin`,
    "defaults",
    "  mode http",
    "  option redispatch",
    "  retries 2",
    "  timeout connect 2s",
    "  timeout http-request 10s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  timeout tunnel 1h",
    "frontend themawerk",
    `  bind 127.0.0.1:${port}`,
    "  option forwardfor",
    "  use_backend app_fallback if { nbsrv(app) lt 1 }",
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    `  option httpchk GET ${healthPath}`,
    "  http-check expect status 200",
    ...servers,
    "backend app_fallback",
    "  balance roundrobin",
    ...servers,
    "",
  ].join("\n");
}

/** Sends one command to the runtime API and returns its answer (empty when it worked). */
function runtimeCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const conn = net.createConnection(socket, () => conn.end(`${command}\n`));
    conn.on("data", (d) => {
      answer += d;
    });
    conn.on("error", reject);
    conn.on("close", () => resolve(answer.trim()));
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`HAProxy exited with ${child.exitCode}:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const conn = net.connect(port, "127.0.0.1", () => {
        conn.destroy();
        resolve(true);
      });
      conn.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`HAProxy did not listen on ${port} in 10 s:\n${output()}`);
}

/** Starts HAProxy in the foreground on 127.0.0.1 and a free port, in front of `backends`. */
export async function startHaproxy(options: {
  /** Listen here (e.g. a port chosen before the backends start, for their PUBLIC_URL); a free one when absent. */
  port?: number;
  backends: HaproxyBackend[];
  healthPath?: string;
}): Promise<Haproxy> {
  if (!haproxyAvailable) throw new Error(haproxyMissingMessage);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-haproxy-"));
  const socket = path.join(dir, "admin.sock");
  const port = options.port ?? (await freePort());
  const cfg = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(cfg, configFor(options.backends, options.healthPath ?? "/healthz", port, socket));
  const child = spawn(HAPROXY_PATH, ["-f", cfg, "-db"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "" },
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  child.on("error", (err) => {
    out += `${err}\n`;
  });

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForPort(port, child, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async setBackendDown(index, down) {
      const state = down ? "maint" : "ready";
      const answer = await runtimeCommand(
        socket,
        `set server app/s${index} state ${state}; set server app_fallback/s${index} state ${state}`,
      );
      if (answer !== "") throw new Error(`HAProxy refused to set s${index} ${state}: ${answer}`);
    },
    output: () => out,
    stop,
  };
}
