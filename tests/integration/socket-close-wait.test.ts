import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { type CollabClient, closeCodeOf, collabClient } from "../helpers/collab-clients";

/**
 * The helpers that wait for a socket to close give up on their own, with a message that says so,
 * instead of leaving the test to hang until the runner's timeout.
 */
let server: WebSocketServer;
let baseUrl: string;
/** What the server does with the next connection: keep it open, or close it with a code. */
let onConnection: (socket: WebSocket) => void = () => {};
const opened: Array<{ close(): void }> = [];

beforeAll(async () => {
  server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on("connection", (socket) => onConnection(socket));
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  onConnection = () => {};
});
afterAll(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function rawSocket(): Promise<WebSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/collab/doc`);
  opened.push(ws);
  await new Promise((resolve) => ws.once("open", resolve));
  return ws;
}

function provider(): CollabClient {
  const client = collabClient(baseUrl, "aaaaaaaaaaaaaaaa");
  opened.push({ close: () => client.destroy() });
  return client;
}

describe("waiting for a socket to close", () => {
  it("closeCodeOf rejects when the socket stays open past its timeout", { timeout: 3000 }, async () => {
    const ws = await rawSocket();
    await expect(closeCodeOf(ws, 100)).rejects.toThrow("socket did not close within 100 ms");
  });

  it("closeCodeOf still resolves with the code the server sent", { timeout: 3000 }, async () => {
    onConnection = (socket) => setTimeout(() => socket.close(4403, "forbidden"), 20);
    const ws = await rawSocket();
    expect(await closeCodeOf(ws, 1000)).toBe(4403);
  });

  it("nextClose rejects when the provider's socket stays open past its timeout", {
    timeout: 3000,
  }, async () => {
    const connected = new Promise<void>((resolve) => {
      onConnection = () => resolve();
    });
    const client = provider();
    await connected;
    await expect(client.nextClose(100)).rejects.toThrow("socket did not close within 100 ms");
  });

  it("nextClose still resolves with the code the server sent", { timeout: 3000 }, async () => {
    onConnection = (socket) => setTimeout(() => socket.close(4401, "unauthorized"), 20);
    const client = provider();
    expect(await client.nextClose(1000)).toBe(4401);
  });

  it("a destroyed client's wait neither resolves nor fails later", { timeout: 3000 }, async () => {
    const connected = new Promise<void>((resolve) => {
      onConnection = () => resolve();
    });
    const client = provider();
    await connected;
    let outcome = "pending";
    client.nextClose(50).then(
      () => {
        outcome = "resolved";
      },
      (error: Error) => {
        outcome = error.message;
      },
    );
    client.destroy();
    // Only time passing shows a timer did not fire: well past its 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(outcome).toBe("pending");
  });
});
