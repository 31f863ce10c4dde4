// Builds the client with Vite when dist/client is missing or older than the client sources or
// the build config, so that `npm start` works on a fresh clone without a separate build step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "dist/client/index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.join(root, "client")),
  newestMtime(path.join(root, "shared")),
  fs.statSync(path.join(root, "vite.config.ts")).mtimeMs,
  fs.statSync(import.meta.filename).mtimeMs,
);
const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < sources;
if (stale) {
  console.log("Building the client app (vite build)…");
  // Always a production build: run from a test (NODE_ENV=test) Vite would bundle React's development build.
  const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
