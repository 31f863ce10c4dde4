import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `name.br` and `name.gz` beside every text file of the build, so the server hands
 * compressed bytes to browsers that ask for them without compressing per request. Skipped by
 * `vite build --watch` (npm run dev): the server then sends the files as they are.
 */
function precompress(): Plugin {
  return {
    name: "themawerk-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      if (this.meta.watchMode) return;
      const dir = options.dir ?? "dist/client";
      const files = Object.keys(bundle).filter((name) => /\.(js|css|html|svg|json|txt)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const bytes = await fs.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                // Within 2 % of the maximum (11) at half its time.
                [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

const SERVICE_WORKER = "sw.js";

/**
 * Builds the service worker (client/src/sw/service-worker.ts) as /sw.js beside the app, and writes
 * into it the list of every file of this build (its precache) and an id that changes with them, so
 * a new build installs a new worker that drops the old files.
 */
function serviceWorker(): Plugin {
  return {
    name: "themawerk-service-worker",
    apply: "build",
    // After Vite's own generateBundle hooks, which drop the empty JS chunks of CSS-only modules.
    enforce: "post",
    options(options) {
      const input = typeof options.input === "object" && !Array.isArray(options.input) ? options.input : {};
      return {
        ...options,
        input: {
          index: path.resolve(import.meta.dirname, "client/index.html"),
          ...input,
          sw: path.resolve(import.meta.dirname, "client/src/sw/service-worker.ts"),
        },
      };
    },
    outputOptions(output) {
      return {
        ...output,
        entryFileNames: (chunk) => (chunk.name === "sw" ? SERVICE_WORKER : "assets/[name]-[hash].js"),
      };
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER];
      if (worker?.type !== "chunk") throw new Error("the service worker was not built");
      if (worker.imports.length > 0) throw new Error("the service worker must not share chunks with the app");
      const files = Object.keys(bundle)
        .filter((name) => name !== SERVICE_WORKER)
        .sort();
      const id = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 16);
      // Quoted as the minifier left them: each placeholder is a string literal in the worker's code.
      worker.code = worker.code
        .replace(/(["'`])__THEMAWERK_PRECACHE_FILES__\1/, JSON.stringify(JSON.stringify(files)))
        // Hex, so it may stand inside any string the minifier folded it into.
        .replaceAll("__THEMAWERK_BUILD_ID__", id);
      if (worker.code.includes("__THEMAWERK_")) throw new Error("a service worker placeholder was left");
    },
  };
}

export default defineConfig({
  root: "client",
  publicDir: "public",
  plugins: [serviceWorker(), precompress()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // No source maps in the build: they would publish the whole client source next to the app.
    sourcemap: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its modules "use client" for React Server Components; it means nothing in a SPA.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            // Zod with its configuration (client/src/app/zod-config.ts) in one chunk: every chunk that
            // makes a schema imports it, so the configuration runs before any schema is made.
            {
              name: "zod",
              test: /node_modules[\\/]zod[\\/]|[\\/]client[\\/]src[\\/]app[\\/]zod-config\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:8080",
      "/healthz": "http://localhost:8080",
      "/collab": { target: "ws://localhost:8080", ws: true },
    },
  },
});
