import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/database";
import { apiClient } from "../helpers/api-client";
import { type ServerProcess, startServerProcess } from "../helpers/collab-process";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { type MeiliServer, meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import { seedWorkspaceDocument } from "../helpers/seed-storage";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

const unavailable = meiliUnavailableReason();
const title = unavailable
  ? `search outbox across a crash — SKIPPED: ${unavailable}`
  : "search outbox across a crash";

describe.skipIf(unavailable !== undefined)(title, () => {
  let meili: MeiliServer | undefined;
  let storage: TestStorage | undefined;
  const processes: ServerProcess[] = [];
  let client: LexicalClient | undefined;

  afterAll(async () => {
    client?.destroy();
    for (const p of processes) await p.stop("SIGKILL");
    await meili?.close();
    await storage?.cleanup();
  });

  it("Meilisearch down, edits made, the app killed: after both start again every edit is findable", async () => {
    meili = await startMeilisearch();
    storage = await createTestStorage();
    const { people, documentId } = await seedWorkspaceDocument(storage);
    const env = { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey };
    const first = await startServerProcess(storage, { env });
    processes.push(first);
    const api = apiClient(first.url);
    const search = async (base: string, q: string) =>
      (
        await apiClient(base)(
          `/api/workspaces/${people.workspaceId}/search?q=${encodeURIComponent(q)}`,
          people.viewer.cookie,
        )
      ).body;

    // The index was created empty at this first start, so what SQL already held was sent to it.
    const seeded = (await api(`/api/documents/${documentId}`, people.viewer.cookie)).body.document;
    await expect
      .poll(async () => (await search(first.url, seeded.title)).hits?.map((h: { id: string }) => h.id), {
        timeout: 15_000,
      })
      .toContain(documentId);

    await meili.stop();
    // Three kinds of change while the engine is down: a new document, a rename, and text typed in the editor.
    const created = await api(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
      method: "POST",
      json: { title: "Wijkloket Ravelsberg", kind: "note" },
    });
    expect(created.status).toBe(201);
    const renamed = await api(`/api/documents/${documentId}`, people.editor.cookie, {
      method: "PATCH",
      json: { title: "Verslag kerngroep Oudenhove" },
    });
    expect(renamed.status).toBe(200);
    client = await lexicalClient(first.url, documentId, people.editor.cookie);
    await client.edit(() => {
      $getRoot().append(
        $createParagraphNode().append($createTextNode("Het zorgpictogram werd door niemand begrepen.")),
      );
    });

    // Before the kill, the outbox in SQL holds both documents: nothing waits only in the process's memory.
    const database = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir });
    try {
      const waiting = async () =>
        (await database.db.selectFrom("search_outbox").select("document_id").execute()).map(
          (r) => r.document_id,
        );
      await expect
        .poll(async () => (await waiting()).sort(), { timeout: 15_000 })
        .toEqual([documentId, created.body.document.id].sort());
      // The typed text has been settled into SQL (so it is what the outbox will send).
      await expect
        .poll(
          async () =>
            (
              await database.db
                .selectFrom("documents")
                .select("plain_text")
                .where("id", "=", documentId)
                .executeTakeFirstOrThrow()
            ).plain_text,
          { timeout: 15_000 },
        )
        .toContain("zorgpictogram");
    } finally {
      await database.close();
    }
    client.destroy();
    client = undefined;
    await first.stop("SIGKILL");

    await meili.start();
    const second = await startServerProcess(storage, { env });
    processes.push(second);
    const idsFor = async (q: string) =>
      ((await search(second.url, q)).hits ?? []).map((h: { id: string }) => h.id);
    await expect.poll(() => idsFor("Ravelsberg"), { timeout: 20_000 }).toEqual([created.body.document.id]);
    await expect.poll(() => idsFor("Oudenhove"), { timeout: 20_000 }).toEqual([documentId]);
    await expect.poll(() => idsFor("zorgpictogram"), { timeout: 20_000 }).toEqual([documentId]);
    await second.stop("SIGTERM");
  }, 120_000);
});
