import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The proxies named in TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 and IPv6. */
export interface TrustedProxies {
  readonly size: number;
  has(address: string): boolean;
}

/** Builds the set from config entries (validated by server/config.ts: "10.0.0.1", "fd00::/8", …). */
export function trustedProxySet(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return {
    size: entries.length,
    has: (address) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4"),
  };
}

/**
 * One address as a socket or an X-Forwarded-For entry gives it: IPv4-mapped IPv6 becomes plain
 * IPv4, a port ("1.2.3.4:80", "[::1]:80") is dropped; undefined when it is not an address.
 */
function normalizeAddress(raw: string): string | undefined {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:([\d.]+)$/i.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) === 0 ? undefined : value.toLowerCase();
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy — then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy. Entries further left were written by
 * the client and are never believed. "unknown" when there is no socket (in-process requests).
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  let client = peer === undefined ? undefined : normalizeAddress(peer);
  if (client === undefined) return "unknown";
  if (trusted.size === 0 || !forwardedFor) return client;
  const hops = forwardedFor.split(",").reverse();
  for (const hop of hops) {
    if (!trusted.has(client)) break;
    const address = normalizeAddress(hop);
    // Not an address: the trusted hop that reported it is as far as we can see.
    if (address === undefined) break;
    client = address;
  }
  return client;
}

/** Resolves the client address of a request under the given TRUSTED_PROXIES entries. */
export type ClientIpOf = (c: Context) => string;

export function clientIpResolver(trustedProxies: readonly string[]): ClientIpOf {
  const trusted = trustedProxySet(trustedProxies);
  return function clientIp(c) {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      peer = undefined;
    }
    return resolveClientIp(peer, c.req.header("X-Forwarded-For"), trusted);
  };
}
