import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("foundation", () => {
  it("answers /healthz with ok when the database answers", async () => {
    const res = await t.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await t.request("/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.error.code).toBe("not_found");
    expect(typeof body.error.message).toBe("string");
  });

  it("gives every response a request id", async () => {
    const res = await t.request("/healthz");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects an oversized body with 413, with and without Content-Length", async () => {
    const big = "x".repeat(1024 * 1024 + 10);
    const withLength = await t.request("/api/anything", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(big.length) },
      body: big,
    });
    expect(withLength.status).toBe(413);
    expect((await withLength.json()).error.code).toBe("payload_too_large");

    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new TextEncoder().encode("y".repeat(100 * 1024)));
        controller.close();
      },
    });
    const chunked = await t.request("/api/anything", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("serves the client app for unknown page paths (client-side routing)", async () => {
    const res = await t.request("/werkruimtes/abc/documenten");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<div id="root">/);
  });

  it("serves built assets with a long cache and their own type", async () => {
    const res = await t.request("/assets/app.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
  });

  it("does not serve files outside the client folder", async () => {
    const res = await t.request("/..%2f..%2fpackage.json");
    const text = await res.text();
    expect(text).not.toMatch(/"devDependencies"/);
  });

  it("sends a Content-Security-Policy", async () => {
    const res = await t.request("/");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
  });
});
