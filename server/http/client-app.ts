import fs from "node:fs";
import path from "node:path";
import type { Handler } from "hono";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

/**
 * Serves the built client: files from clientDir, and index.html for every other page path so that
 * client-side routing works. Hashed files under /assets/ are cached for a year.
 */
export function clientApp(clientDir: string): Handler {
  const root = path.resolve(clientDir);
  return async function serveClient(c) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      return c.json({ error: { code: "not_found", message: "Not found." } }, 404);
    }
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path);
    } catch {
      relative = "/";
    }
    const candidate = path.resolve(root, `.${path.posix.normalize(relative)}`);
    const inside = candidate.startsWith(root + path.sep);
    const file = inside && isFile(candidate) ? candidate : path.join(root, "index.html");
    if (!isFile(file)) {
      return c.text("The client app has not been built. Run `npm run build` (npm start does this for you).", 503);
    }
    const ext = path.extname(file);
    const immutable = file !== path.join(root, "index.html") && relative.startsWith("/assets/");
    c.header("Content-Type", contentTypes[ext] ?? "application/octet-stream");
    c.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (c.req.method === "HEAD") return c.body(null, 200);
    return c.body(await fs.promises.readFile(file), 200);
  };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
