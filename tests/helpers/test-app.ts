import type { LoginThrottle } from "../../server/auth/login-throttle";
import { type Config, loadConfig } from "../../server/config";
import { composeThemawerk, type Themawerk } from "../../server/compose";
import { createLogger, type Logger } from "../../server/logger";
import path from "node:path";
import { createTestStorage } from "./test-database";

/** A stand-in client build, so API tests do not depend on `vite build`. */
const fixtureClientDir = path.resolve(import.meta.dirname, "../fixtures/client");

export const TEST_ORIGIN = "http://localhost:8080";

export interface TestApp {
  themawerk: Themawerk;
  config: Config;
  /** Calls the app in-process (no port). State-changing requests get the app's Origin unless told otherwise. */
  request(path: string, init?: RequestInit & { json?: unknown; cookie?: string }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the whole app on fresh storage (SQLite, or PostgreSQL with TEST_DATABASE_URL); silent unless
 * a test passes a logger to read what the app warned about; `loginThrottle` replaces the default one
 * (e.g. one on a hand-moved clock).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logger?: Logger; loginThrottle?: LoginThrottle } = {},
): Promise<TestApp> {
  const storage = await createTestStorage();
  const config = loadConfig({
    PORT: "8080",
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl,
    LOG_LEVEL: "silent",
    DEMO: "0",
    ...env,
  });
  const themawerk = await composeThemawerk(config, options.logger ?? createLogger("silent"), {
    clientDir: fixtureClientDir,
    loginThrottle: options.loginThrottle,
  });
  return {
    themawerk,
    config,
    request(path, init = {}) {
      const { json, cookie, ...rest } = init;
      const headers = new Headers(rest.headers);
      const method = (rest.method ?? (json !== undefined ? "POST" : "GET")).toUpperCase();
      if (!["GET", "HEAD"].includes(method) && !headers.has("Origin"))
        headers.set("Origin", config.publicUrl);
      if (headers.get("Origin") === "") headers.delete("Origin");
      if (cookie) headers.set("Cookie", cookie);
      let body = rest.body;
      if (json !== undefined) {
        headers.set("Content-Type", "application/json");
        body = JSON.stringify(json);
      }
      return Promise.resolve(themawerk.app.request(path, { ...rest, method, headers, body }));
    },
    async close() {
      await themawerk.close();
      await storage.cleanup();
    },
  };
}
