import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultClientDir } from "../../server/compose";
import { startTestServer, type TestServer } from "../helpers/test-server";

// The production client build as the server hands it out: compressed when the browser asks for it,
// and without source maps (none built, none served).

const root = path.resolve(import.meta.dirname, "../..");
let server: TestServer;
let assets: string[];

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers; the body as sent (fetch would add Accept-Encoding and decompress). */
function rawGet(urlPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

beforeAll(async () => {
  // The real build, made (or remade when stale) the way `npm start` does.
  execFileSync("node", ["scripts/ensure-client-build.mjs"], { cwd: root, stdio: "inherit" });
  server = await startTestServer();
  const index = (await rawGet("/")).body.toString("utf8");
  assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe("the built client", () => {
  it("references its JS and CSS from index.html", () => {
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
  });

  it("serves JS and CSS brotli- or gzip-compressed as asked, the same bytes once decompressed", async () => {
    for (const asset of assets) {
      const onDisk = fs.readFileSync(path.join(defaultClientDir, asset));
      const br = await rawGet(asset, { "Accept-Encoding": "gzip, deflate, br" });
      expect(br.status, asset).toBe(200);
      expect(br.headers["content-encoding"], asset).toBe("br");
      expect(br.headers.vary, asset).toMatch(/Accept-Encoding/i);
      expect(br.body.length, asset).toBeLessThan(onDisk.length);
      expect(zlib.brotliDecompressSync(br.body).equals(onDisk), asset).toBe(true);

      const gzip = await rawGet(asset, { "Accept-Encoding": "gzip" });
      expect(gzip.headers["content-encoding"], asset).toBe("gzip");
      expect(zlib.gunzipSync(gzip.body).equals(onDisk), asset).toBe(true);

      const refused = await rawGet(asset, { "Accept-Encoding": "br;q=0, gzip" });
      expect(refused.headers["content-encoding"], asset).toBe("gzip");

      const plain = await rawGet(asset);
      expect(plain.headers["content-encoding"], asset).toBeUndefined();
      expect(plain.body.equals(onDisk), asset).toBe(true);
      expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

      const head = await rawGet(asset, { "Accept-Encoding": "br" }, "HEAD");
      expect(head.headers["content-encoding"], asset).toBe("br");
    }
  });

  it("is a production build (React without its development warnings), even when built from a test run", () => {
    const js = filesUnder(defaultClientDir).filter((f) => f.endsWith(".js"));
    expect(js.filter((f) => fs.readFileSync(f, "utf8").includes("not wrapped in act"))).toEqual([]);
  });

  it("builds no source map and points to none", () => {
    const built = filesUnder(defaultClientDir);
    expect(built.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const file of built.filter((f) => /\.(js|css)$/.test(f))) {
      expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/sourceMappingURL/);
    }
  });

  it("serves no .map file, and no page in place of a missing asset", async () => {
    for (const asset of assets) {
      const map = await rawGet(`${asset}.map`);
      expect(map.status, `${asset}.map`).toBe(404);
      expect(map.body.toString("utf8")).not.toContain("<html");
    }
    expect((await rawGet("/assets/no-such-chunk.js")).status).toBe(404);
    // Pages still get the app, for client-side routing.
    const page = await rawGet("/w/some-workspace/d/some-document");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
  });

  it("has a service worker at /sw.js that precaches exactly the built files, each of them served", async () => {
    const worker = await rawGet("/sw.js");
    expect(worker.status).toBe(200);
    expect(worker.headers["content-type"]).toMatch(/^text\/javascript/);
    // Checked for updates on every load, so a new build's worker replaces the old one.
    expect(worker.headers["cache-control"]).toBe("no-cache");
    const code = worker.body.toString("utf8");
    expect(code).not.toContain("__THEMAWERK_");
    const listed = code.match(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/);
    expect(listed).not.toBeNull();
    const precached: string[] = JSON.parse(JSON.parse((listed as RegExpMatchArray)[1]));
    const dir = path.join(root, "dist/client");
    const built = filesUnder(dir)
      .map((f) => path.relative(dir, f).split(path.sep).join("/"))
      .filter((f) => !/\.(br|gz)$/.test(f) && f !== "sw.js" && f !== "favicon.svg");
    expect(precached.sort()).toEqual(built.sort());
    for (const file of precached) expect((await rawGet(`/${file}`, {}, "HEAD")).status, file).toBe(200);
  });
});
