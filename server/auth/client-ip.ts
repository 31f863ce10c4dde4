import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The peer address of the request's socket, or "unknown" when there is none (in-process requests).
 * Forwarding headers are not trusted: a deployment behind a proxy throttles per proxy address.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
