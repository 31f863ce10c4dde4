import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger";
import { apiCall } from "../helpers/api-client";
import { workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * An error nobody handled answers with the generic JSON error and nothing else — no message of
 * the cause, no stack — while the log keeps the detail under the request id the client was given.
 * The fault is real: a table the route reads is renamed away in the test's own database.
 */

const GENERIC_500 = JSON.stringify({
  error: { code: "internal_error", message: "Something went wrong on the server." },
});

// biome-ignore lint/suspicious/noExplicitAny: log lines are whatever JSON the logger wrote
const logged: Array<Record<string, any>> = [];
let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  const logger = createLogger("info", (line) => void logged.push(JSON.parse(line)));
  server = await startTestServer({}, { logger });
  people = await workspaceWithRoles(server.themawerk);
});

afterAll(async () => {
  await server?.close();
});

describe("the 500 handler", () => {
  it("answers an unhandled database fault with the generic error only, and logs the detail with the request id", async () => {
    const { db } = server.themawerk.database;
    const themes = `/api/workspaces/${people.workspaceId}/themes`;
    // The route works before the fault, so the 500 below can only come from it.
    expect((await apiCall(server.url, themes, people.facilitator.cookie)).status).toBe(200);
    await sql`ALTER TABLE themes RENAME TO themes_gone`.execute(db);
    try {
      for (const method of ["GET", "POST"] as const) {
        const headers = new Headers({ Cookie: people.facilitator.cookie });
        if (method === "POST") {
          headers.set("Origin", server.url);
          headers.set("Content-Type", "application/json");
        }
        const res = await fetch(`${server.url}${themes}`, {
          method,
          headers,
          body: method === "POST" ? JSON.stringify({ name: "Nooit opgeslagen" }) : undefined,
        });
        const body = await res.text();
        expect(res.status, method).toBe(500);
        expect(res.headers.get("content-type"), method).toMatch(/^application\/json/);
        expect(body, method).toBe(GENERIC_500);

        const requestId = res.headers.get("x-request-id");
        expect(requestId, `${method} X-Request-Id`).toMatch(/^[0-9a-f-]{36}$/);
        const errorLine = logged.find((l) => l.msg === "unhandled error" && l.requestId === requestId);
        expect(errorLine, `${method} error line`).toMatchObject({
          level: "error",
          method,
          path: themes,
          error: expect.stringMatching(/themes/),
          stack: expect.stringMatching(/\n\s+at /),
        });
        // The detail is the database's own message, which the body above does not carry.
        expect(body).not.toContain(errorLine?.error);
        expect(logged.find((l) => l.msg === "request" && l.requestId === requestId)).toMatchObject({
          status: 500,
        });
      }
    } finally {
      await sql`ALTER TABLE themes_gone RENAME TO themes`.execute(db);
    }
    expect((await apiCall(server.url, themes, people.facilitator.cookie)).status).toBe(200);
  });
});
