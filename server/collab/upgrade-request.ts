import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/** What an upgrade request asks for: a document's socket, or an HTTP answer and nothing else. */
export type UpgradeTarget =
  | { ok: true; documentId: string }
  | { ok: false; status: 400 | 404; reason: string };

/** `/collab/<id>`; the id itself is checked when the socket is authenticated (4403 stops the provider). */
const COLLAB_PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/;

/**
 * Reads the target of an upgrade request without anything that can throw on a hostile path
 * (no decodeURIComponent, no URL parsing): the document id is plain ASCII or the answer is 404.
 */
export function parseUpgradeTarget(req: IncomingMessage): UpgradeTarget {
  const protocol = req.headers.upgrade;
  if (typeof protocol !== "string" || protocol.toLowerCase() !== "websocket") {
    return { ok: false, status: 400, reason: "only WebSocket upgrades are served" };
  }
  const url = typeof req.url === "string" ? req.url : "";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const match = COLLAB_PATH.exec(path);
  if (!match) return { ok: false, status: 404, reason: "no such endpoint" };
  return { ok: true, documentId: match[1] };
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/** Answers an upgrade request over HTTP and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: 400 | 404 | 429 | 503, reason: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({
    error: { code: status === 429 ? "rate_limited" : "bad_upgrade", message: reason },
  });
  const retry = status === 429 || status === 503 ? "Retry-After: 5\r\n" : "";
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n${retry}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // A peer that never reads its answer must not hold the socket.
  setTimeout(() => socket.destroy(), 5_000).unref();
}
