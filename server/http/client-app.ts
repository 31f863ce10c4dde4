import fs from "node:fs";
import path from "node:path";
import type { Context, Handler } from "hono";

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
};

/** Files the build precompresses (vite.config.ts), and the encodings it writes, best first. */
const compressible = new Set([".html", ".js", ".css", ".svg", ".json", ".txt"]);
const encodings = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * Serves the built client: files from clientDir, and index.html for every other page path so that
 * client-side routing works. Hashed files under /assets/ are cached for a year; a missing one is a
 * 404, never the page. Text files go out brotli- or gzip-compressed, as precompressed by the build,
 * when the browser accepts it. Source maps and dot-files are never served.
 */
export function clientApp(clientDir: string): Handler {
  const root = path.resolve(clientDir);
  const index = path.join(root, "index.html");
  return async function serveClient(c) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return notFound(c);
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path);
    } catch {
      relative = "/";
    }
    const normalized = path.posix.normalize(relative);
    const hidden =
      normalized.split("/").some((segment) => segment.startsWith(".")) || normalized.endsWith(".map");
    const candidate = path.resolve(root, `.${normalized}`);
    const found = !hidden && candidate.startsWith(root + path.sep) && isFile(candidate);
    // A missing asset (an old chunk, a .map) must not get the page: the browser would run HTML as script.
    if (!found && (hidden || normalized.startsWith("/assets/"))) return notFound(c);
    const file = found ? candidate : index;
    if (!isFile(file)) {
      return c.text(
        "The client app has not been built. Run `npm run build` (npm start does this for you).",
        503,
      );
    }
    const ext = path.extname(file);
    const immutable = file !== index && normalized.startsWith("/assets/");
    c.header("Content-Type", contentTypes[ext] ?? "application/octet-stream");
    c.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    let served = file;
    if (compressible.has(ext)) {
      c.header("Vary", "Accept-Encoding");
      const accepts = acceptsEncoding(c.req.header("Accept-Encoding"));
      const encoding = encodings.find((e) => accepts(e.name) && isFreshCopy(file + e.suffix, file));
      if (encoding) {
        c.header("Content-Encoding", encoding.name);
        served = file + encoding.suffix;
      }
    }
    if (c.req.method === "HEAD") return c.body(null, 200);
    return c.body(await fs.promises.readFile(served), 200);
  };
}

function notFound(c: Context): Response {
  return c.json({ error: { code: "not_found", message: "Not found." } }, 404);
}

/** Reads Accept-Encoding: a coding is accepted when listed (or covered by `*`) with a q above 0. */
function acceptsEncoding(header: string | undefined): (coding: string) => boolean {
  const quality = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    quality.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return (coding) => (quality.get(coding) ?? quality.get("*") ?? 0) > 0;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A precompressed copy that exists and was written after its source (a rebuild rewrites both). */
function isFreshCopy(copy: string, source: string): boolean {
  try {
    return fs.statSync(copy).mtimeMs >= fs.statSync(source).mtimeMs;
  } catch {
    return false;
  }
}
