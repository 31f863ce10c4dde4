import { describe, expect, it } from "vitest";
import { resolveClientIp, trustedProxySet } from "./client-ip";

const none = trustedProxySet([]);
const proxies = trustedProxySet(["10.0.0.1", "192.168.0.0/16", "fd00::/8"]);

describe("resolveClientIp", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(resolveClientIp("10.0.0.1", "198.51.100.1", none)).toBe("10.0.0.1");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientIp("203.0.113.5", "198.51.100.1", proxies)).toBe("203.0.113.5");
  });

  it("believes a trusted proxy: the right-most address that is not itself a trusted proxy", () => {
    expect(resolveClientIp("10.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // Through two proxies (outer 192.168.3.4, then 10.0.0.1).
    expect(resolveClientIp("10.0.0.1", "198.51.100.1, 192.168.3.4", proxies)).toBe("198.51.100.1");
    // Several X-Forwarded-For headers arrive joined by commas.
    expect(resolveClientIp("10.0.0.1", "198.51.100.1,192.168.3.4", proxies)).toBe("198.51.100.1");
  });

  it("ignores what the client wrote left of the address our proxy saw", () => {
    expect(resolveClientIp("10.0.0.1", "1.1.1.1, 2.2.2.2, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(resolveClientIp("10.0.0.1", "10.0.0.1, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(resolveClientIp("10.0.0.1", "not-an-ip, 198.51.100.1", proxies)).toBe("198.51.100.1");
  });

  it("stops at an entry that is not an address: the hop that reported it is the client", () => {
    expect(resolveClientIp("10.0.0.1", "198.51.100.1, garbage", proxies)).toBe("10.0.0.1");
    expect(resolveClientIp("10.0.0.1", "198.51.100.1, garbage, 192.168.1.1", proxies)).toBe("192.168.1.1");
  });

  it("uses the left-most address when every hop is a trusted proxy, and the peer when the header is missing", () => {
    expect(resolveClientIp("10.0.0.1", "192.168.1.1, 192.168.1.2", proxies)).toBe("192.168.1.1");
    expect(resolveClientIp("10.0.0.1", undefined, proxies)).toBe("10.0.0.1");
    expect(resolveClientIp("10.0.0.1", " ", proxies)).toBe("10.0.0.1");
  });

  it("reads IPv6, IPv4-mapped IPv6 and addresses with ports", () => {
    expect(resolveClientIp("::ffff:10.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(resolveClientIp("fd00::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
    expect(resolveClientIp("10.0.0.1", "[2001:db8::7]:4711", proxies)).toBe("2001:db8::7");
    expect(resolveClientIp("10.0.0.1", "198.51.100.1:4711", proxies)).toBe("198.51.100.1");
    expect(resolveClientIp("10.0.0.1", "::ffff:198.51.100.1", proxies)).toBe("198.51.100.1");
  });

  it("is 'unknown' without a peer (an in-process request), and then believes no header", () => {
    expect(resolveClientIp(undefined, "198.51.100.1", proxies)).toBe("unknown");
  });
});
