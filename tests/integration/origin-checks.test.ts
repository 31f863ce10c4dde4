import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE_CODES } from "../../shared/close-codes";
import { apiCall } from "../helpers/api-client";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Every entry point that can change something checks Origin: the collaboration upgrade and the
 * API's POST, PUT, PATCH and DELETE routes. Each case sends a request that succeeds with the
 * app's own Origin (the last attempt proves it), so a refusal can only come from the Origin check,
 * and checks that the refused attempts changed nothing.
 */

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
});

afterAll(async () => {
  await server?.close();
});

/** Origins that are not the app's: absent, another site, a sandboxed frame, the same host on another port, a look-alike. */
function foreignOrigins(): Array<string | undefined> {
  return [undefined, "https://evil.example", "null", "http://127.0.0.1:1", `${server.url}.evil.example`];
}

describe("Origin on the collaboration upgrade", () => {
  /**
   * Opens a raw socket as the editor with the given Origin; resolves at its close or its first
   * frame from the server, whichever comes first (a socket let in gets the sync handshake).
   */
  function openSocket(
    documentId: string,
    origin: string | undefined,
  ): Promise<{ code?: number; frames: number }> {
    const headers: Record<string, string> = { Cookie: people.editor.cookie };
    if (origin !== undefined) headers.Origin = origin;
    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${documentId}`, { headers });
    return new Promise((resolve, reject) => {
      ws.on("error", reject);
      ws.on("unexpected-response", (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
      ws.once("message", () => {
        resolve({ frames: 1 });
        ws.close();
      });
      ws.on("close", (code) => resolve({ code, frames: 0 }));
    });
  }

  it("closes with 4405 before sending anything when Origin is missing or foreign", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    for (const origin of foreignOrigins()) {
      const answer = await openSocket(documentId, origin);
      expect(answer, `Origin ${origin ?? "(none)"}`).toEqual({ code: CLOSE_CODES.badOrigin, frames: 0 });
    }
    // The same editor with the app's Origin is let in and gets the sync handshake.
    expect(await openSocket(documentId, server.url)).toEqual({ frames: 1 });
  });
});

describe("Origin on state-changing API routes", () => {
  interface RouteCase {
    method: "POST" | "PUT" | "PATCH" | "DELETE";
    path: string;
    json?: unknown;
    /** A fact the request changes when it goes through. */
    state: () => Promise<unknown>;
    before: unknown;
    after: unknown;
  }

  const db = () => server.themawerk.database.db;

  async function cases(): Promise<RouteCase[]> {
    const { workspaceId, facilitator } = people;
    const theme = await apiCall(server.url, `/api/workspaces/${workspaceId}/themes`, facilitator.cookie, {
      method: "POST",
      json: { name: "Toegankelijk aanbod" },
    });
    expect(theme.status).toBe(201);
    const chapter = await createDocument(server.themawerk, workspaceId, facilitator, "Hoofdstuk", "chapter");
    const renamed = await createDocument(server.themawerk, workspaceId, facilitator, "Oude titel");
    const trashed = await createDocument(server.themawerk, workspaceId, facilitator, "Blijft staan");
    const documentCount = async () =>
      (
        await db()
          .selectFrom("documents")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("title", "=", "Via de API")
          .execute()
      ).length;
    const column = async (id: string, name: "title" | "deleted_at") =>
      (await db().selectFrom("documents").select(name).where("id", "=", id).executeTakeFirstOrThrow())[name];
    return [
      {
        method: "POST",
        path: `/api/workspaces/${workspaceId}/documents`,
        json: { title: "Via de API", kind: "note" },
        state: documentCount,
        before: 0,
        after: 1,
      },
      {
        method: "PUT",
        path: `/api/documents/${chapter}/chapter-theme`,
        json: { themeId: theme.body.theme.id },
        state: async () =>
          (await apiCall(server.url, `/api/documents/${chapter}/chapter-theme`, facilitator.cookie)).body
            .themeId,
        before: null,
        after: theme.body.theme.id,
      },
      {
        method: "PATCH",
        path: `/api/documents/${renamed}`,
        json: { title: "Nieuwe titel" },
        state: () => column(renamed, "title"),
        before: "Oude titel",
        after: "Nieuwe titel",
      },
      {
        method: "DELETE",
        path: `/api/documents/${trashed}`,
        state: async () => (await column(trashed, "deleted_at")) !== null,
        before: false,
        after: true,
      },
    ];
  }

  async function send(route: RouteCase, origin: string | undefined): Promise<Response> {
    const headers = new Headers({ Cookie: people.facilitator.cookie });
    if (origin !== undefined) headers.set("Origin", origin);
    if (route.json !== undefined) headers.set("Content-Type", "application/json");
    return fetch(`${server.url}${route.path}`, {
      method: route.method,
      headers,
      body: route.json !== undefined ? JSON.stringify(route.json) : undefined,
    });
  }

  it("refuse a missing or foreign Origin with 403 origin_mismatch and change nothing, on POST, PUT, PATCH and DELETE", async () => {
    for (const route of await cases()) {
      const what = `${route.method} ${route.path}`;
      expect(await route.state(), `${what} before`).toEqual(route.before);
      for (const origin of foreignOrigins()) {
        const res = await send(route, origin);
        const label = `${what} with Origin ${origin ?? "(none)"}`;
        expect(res.status, label).toBe(403);
        expect(res.headers.get("content-type"), label).toMatch(/^application\/json/);
        expect(await res.json(), label).toEqual({
          error: { code: "origin_mismatch", message: expect.any(String) },
        });
        expect(await route.state(), `${label} changed nothing`).toEqual(route.before);
      }
      // The very same request from the app itself goes through.
      const allowed = await send(route, server.url);
      expect(allowed.status, `${what} with the app's Origin`).toBeLessThan(300);
      expect(await route.state(), `${what} after`).toEqual(route.after);
    }
  });
});
