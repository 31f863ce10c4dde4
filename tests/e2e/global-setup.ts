import { execFileSync } from "node:child_process";
import path from "node:path";

/** Browser tests run against the real client build: build it once if it is missing or stale. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  execFileSync("node", ["scripts/ensure-client-build.mjs"], { cwd: root, stdio: "inherit" });
}
