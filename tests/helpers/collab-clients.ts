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

/** How long the close helpers wait for a close before they fail (Infinity: wait as long as it takes). */
export const CLOSE_WAIT_MS = 5000;

const notClosed = (timeoutMs: number) => new Error(`socket did not close within ${timeoutMs} ms`);

/**
 * Resolves with what `subscribe` delivers, or rejects with "socket did not close within N ms"; the
 * returned `cancel` stops the timer (and the wait stays pending, as a destroyed client's does).
 */
function closeWait(
  timeoutMs: number,
  subscribe: (resolve: (code: number) => void) => () => void,
): { promise: Promise<number>; cancel(): void } {
  let cancel = () => {};
  const promise = new Promise<number>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((code) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(code);
    });
    if (Number.isFinite(timeoutMs)) {
      timer = setTimeout(() => {
        unsubscribe();
        reject(notClosed(timeoutMs));
      }, timeoutMs);
    }
    cancel = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
  return { promise, cancel };
}

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * Resolves with the close code the server sent; rejects with "socket did not close within N ms"
   * after `timeoutMs` (default CLOSE_WAIT_MS; Infinity waits on). Destroying the client stops the wait.
   */
  nextClose(timeoutMs?: number): Promise<number>;
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
  // Waits still open when the client is destroyed: the provider then drops its listeners without a close event.
  const closeWaits = new Set<{ cancel(): void }>();
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
    nextClose: (timeoutMs = CLOSE_WAIT_MS) => {
      const wait = closeWait(timeoutMs, (resolve) => {
        const on = (event: CloseEvent | null) => {
          if (event) resolve(event.code);
        };
        provider.on("connection-close", on);
        return () => {
          provider.off("connection-close", on);
          closeWaits.delete(wait);
        };
      });
      closeWaits.add(wait);
      return wait.promise;
    },
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
      for (const wait of [...closeWaits]) wait.cancel();
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

/** Resolves with the close code of a raw socket; rejects with "socket did not close within N ms" after `timeoutMs`. */
export function closeCodeOf(ws: WebSocket, timeoutMs = CLOSE_WAIT_MS): Promise<number> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error("already closed"));
  return closeWait(timeoutMs, (resolve) => {
    const on = (code: number) => resolve(code);
    ws.once("close", on);
    return () => ws.off("close", on);
  }).promise;
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
