import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";

// The per-address login limit must count the real client behind a reverse proxy, and only when the
// proxy is named in TRUSTED_PROXIES: otherwise anyone could pick their address with a header.
// What is observed: after 30 failed logins from one client address, a further wrong password from
// that address is answered 429 (slowed down), while a fresh address still gets the ordinary 401.

const IP_FREE_FAILURES = 30;

async function wrongLogin(server: TestServer, forwardedFor: string | undefined, n: number): Promise<number> {
  const headers: Record<string, string> = { Origin: server.url, "Content-Type": "application/json" };
  if (forwardedFor !== undefined) headers["X-Forwarded-For"] = forwardedFor;
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers,
    // A different unknown account each time, so only the per-address limit can bite.
    body: JSON.stringify({
      email: `spray${n}.${Math.random().toString(36).slice(2)}@example.test`,
      password: "x",
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Fails IP_FREE_FAILURES logins with the given X-Forwarded-For values (one per attempt). */
async function exhaust(server: TestServer, forwardedFor: (i: number) => string | undefined): Promise<void> {
  for (let i = 0; i < IP_FREE_FAILURES; i++) expect(await wrongLogin(server, forwardedFor(i), i)).toBe(401);
}

describe("without TRUSTED_PROXIES", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("ignores X-Forwarded-For: every attempt counts for the connecting address", async () => {
    await exhaust(server, (i) => `203.0.113.${i + 1}`);
    expect(await wrongLogin(server, "203.0.113.200", 99)).toBe(429);
    expect(await wrongLogin(server, undefined, 100)).toBe(429);
  });
});

describe("with TRUSTED_PROXIES naming the proxy", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The test connects from 127.0.0.1, standing in for the reverse proxy; 10.0.0.0/8 are inner proxies.
    server = await startTestServer({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("counts the address the proxy reports, not the proxy's own", async () => {
    await exhaust(server, () => "203.0.113.7");
    expect(await wrongLogin(server, "203.0.113.7", 99)).toBe(429);
    expect(await wrongLogin(server, "203.0.113.8", 100)).toBe(401);
  });

  it("ignores spoofed entries left of the address the proxy saw", async () => {
    await exhaust(server, (i) => `192.0.2.${i + 1}, 198.51.100.9`);
    expect(await wrongLogin(server, "10.10.10.10, 198.51.100.9", 99)).toBe(429);
    expect(await wrongLogin(server, "198.51.100.9", 100)).toBe(429);
    // A client claiming to be that address through the proxy is still someone else.
    expect(await wrongLogin(server, "198.51.100.9, 198.51.100.10", 101)).toBe(401);
  });

  it("skips trusted inner proxies to find the client", async () => {
    await exhaust(server, (i) => `203.0.113.50, 10.${i}.2.3`);
    expect(await wrongLogin(server, "203.0.113.50", 99)).toBe(429);
  });
});

describe("with TRUSTED_PROXIES naming another address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUSTED_PROXIES: "10.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    await exhaust(server, (i) => `203.0.113.${i + 1}`);
    expect(await wrongLogin(server, "203.0.113.201", 99)).toBe(429);
  });
});
