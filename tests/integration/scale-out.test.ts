import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocumentText } from "../../server/documents/text-extraction";
import { CLOSE_CODES } from "../../shared/close-codes";
import { apiCall } from "../helpers/api-client";
import { collabClient } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { haproxyAvailable, haproxyMissingMessage } from "../helpers/haproxy";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { meiliUnavailableReason } from "../helpers/meilisearch";
import { redisServerAvailable, type ScaleCluster, startScaleCluster } from "../helpers/scale-cluster";

const missing = !haproxyAvailable
  ? haproxyMissingMessage
  : !redisServerAvailable
    ? "redis-server not found: scale-out tests skipped (apt-get install redis-server)"
    : meiliUnavailableReason();
if (missing) console.warn(missing);

const textOf = (client: LexicalClient) =>
  client.editor.getEditorState().read(() => $getRoot().getTextContent());
const append = (client: LexicalClient, text: string) =>
  client.edit(() => {
    $getRoot().append($createParagraphNode().append($createTextNode(text)));
  });

describe.skipIf(Boolean(missing))("scale-out: two app processes behind HAProxy act as one", () => {
  let cluster: ScaleCluster;
  let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
  const clients: Array<{ destroy(): void }> = [];
  const direct = (i: 0 | 1) => cluster.instances[i].url;
  const open = async (url: string, documentId: string, cookie: string) => {
    const client = await lexicalClient(url, documentId, cookie, { origin: cluster.publicUrl });
    clients.push(client);
    return client;
  };
  /** The document as the shared store holds it (the fixtures instance has no room, so it reads the database). */
  const storedText = async (documentId: string) =>
    extractDocumentText(await cluster.fixtures.collab.readDocumentState(documentId)).plainText;
  const newDocument = (title: string) =>
    createDocument(cluster.fixtures, people.workspaceId, people.editor, title);

  beforeAll(async () => {
    cluster = await startScaleCluster();
    people = await workspaceWithRoles(cluster.fixtures);
  }, 120_000);

  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.close();
  });

  it("lets editors on different instances converge, and a viewer on B follow A's edits without writing", async () => {
    const documentId = await newDocument("Verslag bijeenkomst 1");
    const onA = await open(direct(0), documentId, people.editor.cookie);
    const onB = await open(direct(1), documentId, people.facilitator.cookie);
    const viewerOnB = await open(direct(1), documentId, people.viewer.cookie);
    await append(onA, "Van A.");
    await append(onB, "Van B.");
    for (const client of [onA, onB, viewerOnB]) {
      await expect.poll(() => textOf(client), { timeout: 10_000 }).toContain("Van A.");
      await expect.poll(() => textOf(client), { timeout: 10_000 }).toContain("Van B.");
    }
    // The viewer's own edit goes nowhere: not to A, not to the store.
    await append(viewerOnB, "Van de kijker.");
    await append(onA, "Laatste van A.");
    await expect.poll(() => textOf(viewerOnB), { timeout: 10_000 }).toContain("Laatste van A.");
    await expect.poll(() => textOf(onB), { timeout: 10_000 }).toContain("Laatste van A.");
    expect(textOf(onA)).not.toContain("kijker");
    expect(textOf(onB)).not.toContain("kijker");
    expect(await storedText(documentId)).not.toContain("kijker");
    expect(await storedText(documentId)).toContain("Laatste van A.");
  });

  it("closes a member's socket on instance B when their role changes through instance A", async () => {
    const documentId = await newDocument("Casus Teststad");
    const onB = collabClient(direct(1), documentId, {
      cookie: people.commenter.cookie,
      origin: cluster.publicUrl,
    });
    clients.push(onB);
    await onB.synced();
    const closed = onB.nextClose(5_000);
    const changed = await apiCall(
      direct(0),
      `/api/workspaces/${people.workspaceId}/members/${people.commenter.id}`,
      people.facilitator.cookie,
      {
        method: "PATCH",
        json: { role: "editor" },
        origin: cluster.publicUrl,
      },
    );
    expect(changed.status).toBe(200);
    expect(await closed).toBe(CLOSE_CODES.roleChanged);
  });

  it("delivers a comment posted through instance A on instance B's event stream", async () => {
    const documentId = await newDocument("Notitie");
    const abort = new AbortController();
    const stream = await fetch(`${direct(1)}/api/workspaces/${people.workspaceId}/events`, {
      headers: { Cookie: people.viewer.cookie, Accept: "text/event-stream" },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    let received = "";
    const reading = (async () => {
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    })().catch(() => undefined);
    const posted = await apiCall(
      direct(0),
      `/api/documents/${documentId}/threads`,
      people.facilitator.cookie,
      {
        method: "POST",
        json: { target: "document", body: "Wie neemt dit op?", mentions: [] },
        origin: cluster.publicUrl,
      },
    );
    expect(posted.status).toBe(201);
    await expect.poll(() => received, { timeout: 5_000 }).toContain("comment.threadCreated");
    expect(received).toContain("Wie neemt dit op?");
    abort.abort();
    await reading;
  });
});
