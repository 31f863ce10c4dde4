import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabClient, collabClient, eventually } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { insertBlock } from "../helpers/raw-lexical-yjs";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * One editor cannot freeze the server: a document of 200,000 distinct words, written through a
 * socket like any edit, is indexed by the embedded engine while /healthz keeps answering.
 */

let server: TestServer;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

/**
 * A word no dictionary holds, from a number: base-26 letters after a first letter that differs per
 * paragraph of 40,000 ("bwaaaab", …, "gwaltyz"), so no word is a typo away from another paragraph's
 * (a typo on the first letter is never tolerated).
 */
function word(n: number): string {
  const first = "bcdfg"[Math.floor(n / 40_000)];
  let letters = "";
  for (let i = 0, rest = n; i < 5; i++) {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  }
  return `${first}w${letters}`;
}

it("keeps /healthz answering while a document of 200,000 distinct words is indexed", { timeout: 240_000 }, async () => {
  const people = await workspaceWithRoles(server.themawerk);
  const documentId = await createDocument(server.themawerk, people.workspaceId, people.editor, "Woordenlijst");
  const writer = collabClient(server.url, documentId, { cookie: people.editor.cookie });
  clients.push(writer);
  await writer.synced();

  // Five paragraphs of 40,000 words: each its own update, under the frame limit.
  const root = writer.doc.get("root", Y.XmlText);
  for (let p = 0; p < 5; p++) {
    const words = Array.from({ length: 40_000 }, (_, i) => word(p * 40_000 + i)).join(" ");
    writer.doc.transact(() => insertBlock(root, 0, "paragraph", words));
  }

  const latencies: number[] = [];
  let found = false;
  const probe = (async () => {
    while (!found) {
      const started = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const search = (q: string) =>
    fetch(`${server.url}/api/workspaces/${people.workspaceId}/search?q=${q}`, {
      headers: { Cookie: people.editor.cookie },
    }).then((r) => r.json() as Promise<{ hits: { documentId: string }[] }>);
  const finds = async (q: string) => (await search(q)).hits.some((h) => h.documentId === documentId);
  // Each paragraph went in at the top: the document starts with the last one written.
  await eventually(
    async () => finds(word(4 * 40_000)),
    180_000,
    "the document to be findable by one of its words",
  ).finally(() => {
    found = true;
  });
  await probe;

  const worst = Math.max(...latencies);
  console.log(`/healthz while indexing: ${latencies.length} answers, slowest ${Math.round(worst)} ms`);
  expect(latencies.length).toBeGreaterThan(10);
  // The target is 200 ms (npm run bench prints the figure); this bound only says the loop never froze.
  expect(worst).toBeLessThan(1_000);

  // What lies beyond the documented caps (MAX_INDEXED_TEXT_CHARS, MAX_TERMS_PER_ENTRY) is not indexed;
  // the title always is.
  expect(await finds(word(0))).toBe(false);
  expect(await finds("woordenlijst")).toBe(true);
});
