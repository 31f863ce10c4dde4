import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** A `ws` WebSocket that sends the given Cookie and Origin headers, as a browser would. */
export function webSocketWith(headers: { cookie?: string; origin?: string }) {
  return class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      const h: Record<string, string> = {};
      if (headers.cookie) h.Cookie = headers.cookie;
      if (headers.origin) h.Origin = headers.origin;
      super(address, protocols, { headers: h });
    }
  };
}

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves with the close code the server sent. */
  nextClose(): Promise<number>;
  /** Resolves once the provider has synced with the server. */
  synced(): Promise<void>;
  destroy(): void;
}

/** A stock y-websocket provider on a document, as a given cookie (the session) and origin. */
export function collabClient(
  baseUrl: string,
  documentId: string,
  opts: { cookie?: string; origin?: string; doc?: Y.Doc; connect?: boolean } = {},
): CollabClient {
  const doc = opts.doc ?? new Y.Doc();
  const wsUrl = `${baseUrl.replace(/^http/, "ws")}/collab`;
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: webSocketWith({ cookie: opts.cookie, origin: opts.origin ?? baseUrl }) as never,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    nextClose: () =>
      new Promise((resolve) => {
        const on = (event: CloseEvent | null) => {
          if (!event) return;
          provider.off("connection-close", on);
          resolve(event.code);
        };
        provider.on("connection-close", on);
      }),
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const on = (s: boolean) => {
              if (!s) return;
              provider.off("sync", on);
              resolve();
            };
            provider.on("sync", on);
          }),
    destroy: () => {
      provider.destroy();
    },
  };
}

/** A raw socket to the collaboration endpoint, for frames the stock client never sends. */
export function rawCollabSocket(baseUrl: string, documentId: string, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/collab/${documentId}`, {
    headers: { Cookie: cookie, Origin: baseUrl },
  });
  ws.on("error", () => {});
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", () => reject(new Error("upgrade refused")));
  });
}

/** Resolves with the close code of a raw socket. */
export function closeCodeOf(ws: WebSocket): Promise<number> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error("already closed"));
  return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
}

/** Polls `check` until it returns true or the time runs out. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 3000,
  what = "condition",
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
