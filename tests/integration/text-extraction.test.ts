import { $createHeadingNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { loadConfig } from "../../server/config";
import { composeThemawerk } from "../../server/compose";
import { bindHeadlessEditor, flushEditor } from "../../server/documents/headless-binding";
import { extractDocumentText } from "../../server/documents/text-extraction";
import { createLogger } from "../../server/logger";
import { collabClient } from "../helpers/collab-clients";
import { type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { createTestStorage } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** A person's Lexical editor bound to the live document through the stock y-websocket client. */
async function openEditor(server: TestServer, documentId: string, user: FixtureUser) {
  const headless = bindHeadlessEditor();
  const client = collabClient(server.url, documentId, { cookie: user.cookie, doc: headless.doc });
  await client.synced();
  flushEditor(headless.editor);
  return {
    edit: (fn: () => void) => headless.editor.update(fn, { discrete: true }),
    close() {
      client.destroy();
      headless.dispose();
    },
  };
}

describe("text extraction after edits settle", () => {
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  beforeAll(async () => {
    server = await startTestServer();
    ws = await workspaceWithRoles(server.themawerk);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function api(path: string, user: FixtureUser, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("Cookie", user.cookie);
    headers.set("Origin", server.url);
    if (init.body) headers.set("Content-Type", "application/json");
    return fetch(`${server.url}${path}`, { ...init, headers });
  }

  async function listed(documentId: string) {
    const res = await api(`/api/workspaces/${ws.workspaceId}/documents`, ws.viewer);
    const { documents } = await res.json();
    return documents.find((d: { id: string }) => d.id === documentId);
  }

  it("saves the text a live editor typed, and who typed it, for the listing", async () => {
    const created = await api(`/api/workspaces/${ws.workspaceId}/documents`, ws.facilitator, {
      method: "POST",
      body: JSON.stringify({ title: "Knelpunten dienstenwijzer", kind: "problem" }),
    });
    expect(created.status).toBe(201);
    const { document } = await created.json();
    expect(document.excerpt).toBe("");

    const editor = await openEditor(server, document.id, ws.editor);
    editor.edit(() => {
      $getRoot()
        .clear()
        .append(
          $createHeadingNode("h1").append($createTextNode("Knelpunten")),
          $createParagraphNode().append($createTextNode("Kleine gemeenten missen expertise.")),
        );
    });
    await expect
      .poll(async () => (await listed(document.id))?.excerpt, { timeout: 10_000, interval: 200 })
      .toBe("Knelpunten\nKleine gemeenten missen expertise.");
    expect((await listed(document.id)).updatedBy).toEqual({ id: ws.editor.id, name: ws.editor.name });

    // A later edit by someone else replaces the text and the last editor.
    const second = await openEditor(server, document.id, ws.facilitator);
    second.edit(() => {
      $getRoot().append($createParagraphNode().append($createTextNode("Tweede pijler ontbreekt.")));
    });
    await expect
      .poll(async () => (await listed(document.id))?.excerpt, { timeout: 10_000, interval: 200 })
      .toContain("Tweede pijler ontbreekt.");
    expect((await listed(document.id)).updatedBy).toEqual({
      id: ws.facilitator.id,
      name: ws.facilitator.name,
    });
    editor.close();
    second.close();

    // What the server stored reads back the same through its own copy of the document.
    const stored = extractDocumentText(await server.themawerk.collab.readDocument(document.id));
    expect(stored.title).toBe("Knelpunten");
    expect(stored.plainText).toContain("Tweede pijler ontbreekt.");
  });
});

describe("the founding document of the demo workspace", () => {
  it("is the demo workspace's first document, with headings, lists and quotes kept", async () => {
    const storage = await createTestStorage();
    const config = loadConfig({
      PORT: "8080",
      DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl,
      LOG_LEVEL: "silent",
      DEMO: "1",
    });
    const themawerk = await composeThemawerk(config, createLogger("silent"), { announce: () => {} });
    try {
      const db = themawerk.database.db;
      const facilitator = await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "facilitator@demo.themawerk.local")
        .executeTakeFirstOrThrow();
      const workspace = await db
        .selectFrom("memberships")
        .select("workspace_id")
        .where("user_id", "=", facilitator.id)
        .executeTakeFirstOrThrow();
      const session = await themawerk.deps.sessions.create(facilitator.id);
      const res = await themawerk.app.request(`/api/workspaces/${workspace.workspace_id}/documents`, {
        headers: { Cookie: `${SESSION_COOKIE}=${session.token}` },
      });
      expect(res.status).toBe(200);
      const { documents } = await res.json();
      const founding = documents.find(
        (d: { title: string }) => d.title === "THEMAWERKING 2005 ‘LOKALE REGIEFUNCTIE’",
      );
      expect(founding).toBeDefined();
      expect(founding.excerpt).toMatch(/^THEMAWERKING 2005/);

      const read = extractDocumentText(await themawerk.collab.readDocument(founding.id));
      const blocks = read.lexicalJson.root.children as Array<{ type: string; tag?: string }>;
      expect(blocks[0]).toMatchObject({ type: "heading", tag: "h1" });
      expect(blocks.filter((b) => b.type === "heading" && b.tag === "h2")).toHaveLength(6);
      expect(blocks.filter((b) => b.type === "list").length).toBeGreaterThanOrEqual(4);
      expect(blocks.filter((b) => b.type === "quote").length).toBeGreaterThanOrEqual(4);
      expect(read.plainText).toContain("Heusden-Zolder");
    } finally {
      await themawerk.close();
      await storage.cleanup();
    }
  });
});
