import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE_CODES } from "../../shared/close-codes";
import { type SpawnedServer, startServerProcess } from "../helpers/spawn-server";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

/**
 * Upgrade requests that cannot be handled get an HTTP answer and never end the process. The
 * server runs as its own process, so a throw inside the `upgrade` listener would show as an exit.
 */

let storage: TestStorage;
let server: SpawnedServer;

beforeAll(async () => {
  storage = await createTestStorage();
  const env: Record<string, string> = { DATA_DIR: storage.dataDir, DEMO: "0", LOG_LEVEL: "error" };
  if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
  server = await startServerProcess(env);
});

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  await storage?.cleanup();
});

/** Sends one raw HTTP request and resolves with the status line of the answer ("" when the socket closed without one). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.setTimeout(5_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(request.split("\r\n")[0])}`));
    });
  });
}

function upgrade(path: string, protocol: string): string {
  const ws =
    protocol === "websocket"
      ? "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
      : "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n";
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: ${protocol}\r\n${ws}\r\n`;
}

describe("collaboration upgrades that cannot be handled", () => {
  const paths = [
    "/collab/%",
    "/collab/%zz",
    "/collab/%E0%A4%A",
    "//",
    "//collab/abc",
    "/collab/",
    "/collab/abc/def",
    "*",
    "http://[::1",
    "/api/me",
  ];
  for (const protocol of ["websocket", "h2c"]) {
    for (const path of paths) {
      it(`answers ${JSON.stringify(path)} with Upgrade: ${protocol} with 400 or 404, and lives on`, async () => {
        const status = await rawRequest(server.port, upgrade(path, protocol));
        expect(status).toMatch(/^HTTP\/1\.1 (400|404) /);
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(200);
        expect(server.child.exitCode).toBeNull();
      });
    }
  }

  it("accepts a document path with a hostile query string, then refuses it by close code", async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/aaaaaaaaaaaaaaaa?x=%&y=%E0%A4%A`);
    const code = await new Promise<number>((resolve, reject) => {
      ws.on("close", (c) => resolve(c));
      ws.on("error", reject);
    });
    expect(code).toBe(CLOSE_CODES.badOrigin);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("answers a websocket upgrade without a key with 400", async () => {
    const status = await rawRequest(
      server.port,
      "GET /collab/aaaaaaaaaaaaaaaa HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
    );
    expect(status).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
