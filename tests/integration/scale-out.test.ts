import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { extractDocumentText } from "../../server/documents/text-extraction";
import { insertUser } from "../../server/modules/account/users.repo";
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

  it("shows a restore made through instance A to an editor connected to instance B at once", async () => {
    const documentId = await newDocument("Besluitenlijst");
    const onB = await open(direct(1), documentId, people.editor.cookie);
    await append(onB, "Het akkoord van de bijeenkomst.");
    await expect.poll(() => storedText(documentId), { timeout: 10_000 }).toContain("akkoord");
    const api = (path: string, json: unknown) =>
      apiCall(direct(0), path, people.facilitator.cookie, {
        method: "POST",
        json,
        origin: cluster.publicUrl,
      });
    const named = await api(`/api/documents/${documentId}/versions`, { name: "Na bijeenkomst 1" });
    expect(named.status).toBe(201);
    await onB.edit(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode("Alles weg.")));
    });
    await expect.poll(() => storedText(documentId), { timeout: 10_000 }).toBe("Alles weg.");
    const restored = await api(`/api/documents/${documentId}/versions/${named.body.version.id}/restore`, {});
    expect(restored.status).toBe(200);
    await expect.poll(() => textOf(onB), { timeout: 10_000 }).toContain("akkoord");
    expect(textOf(onB)).not.toContain("Alles weg.");
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
  it("counts wrong passwords across both instances: 30 parallel guesses through HAProxy get 5 checks", async () => {
    await insertUser(cluster.fixtures.database.db, {
      email: "gedeeld@example.test",
      name: "Gedeelde Teller",
      passwordHash: await hashPassword("correct horse battery"),
    });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${cluster.publicUrl}/api/auth/login`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: cluster.publicUrl },
          body: JSON.stringify({ email: "gedeeld@example.test", password: `fout ${i}` }),
        }).then((r) => r.status),
      ),
    );
    // Each instance counting on its own would let 10 through (5 free failures each).
    expect(answers.filter((status) => status === 401)).toHaveLength(5);
    expect(answers.filter((status) => status === 429)).toHaveLength(25);
  });

  it("shows presence of a person on instance A to people on instance B, and drops it when A is killed", async () => {
    const documentId = await newDocument("Presentie");
    const onA = await open(direct(0), documentId, people.editor.cookie);
    const onB = await open(direct(1), documentId, people.viewer.cookie);
    onA.collab.provider.awareness.setLocalStateField("cursor", 3);
    const editorSeenOnB = () =>
      Array.from(onB.collab.provider.awareness.getStates().values()).some(
        (s) => s.userId === people.editor.id,
      );
    await expect.poll(editorSeenOnB, { timeout: 10_000 }).toBe(true);
    cluster.instances[0].child.kill("SIGKILL");
    await cluster.instances[0].exited;
    await expect.poll(editorSeenOnB, { timeout: 15_000 }).toBe(false);
    onA.destroy();
    await cluster.restart(0);
  }, 60_000);

  it("loses no delivered update when an instance is killed while five people edit through HAProxy", async () => {
    const documentId = await newDocument("Verslag onder druk");
    const editors = await Promise.all(
      [people.editor, people.facilitator, people.editor, people.facilitator, people.editor].map((person) =>
        open(cluster.publicUrl, documentId, person.cookie),
      ),
    );
    let typing = true;
    const written: string[][] = editors.map(() => []);
    const typingDone = Promise.all(
      editors.map(async (client, i) => {
        for (let n = 0; typing; n++) {
          const line = `k${i}-${n}`;
          await append(client, line);
          written[i].push(line);
          await new Promise((r) => setTimeout(r, 80));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    cluster.instances[1].child.kill("SIGKILL");
    await cluster.instances[1].exited;
    // What reached each client from the others, at the moment the instance died: the store must have all of it.
    const delivered = editors.map((client, i) =>
      textOf(client)
        .split("\n")
        .filter((line) => /^k\d+-\d+$/.test(line) && !line.startsWith(`k${i}-`)),
    );
    await new Promise((r) => setTimeout(r, 2_000));
    typing = false;
    await typingDone;
    const everyLine = written.flat();
    for (const client of editors) {
      await expect
        .poll(() => everyLine.filter((line) => !textOf(client).includes(line)), { timeout: 30_000 })
        .toEqual([]);
    }
    await expect
      .poll(
        async () => {
          const stored = (await storedText(documentId)).split("\n");
          return everyLine.concat(delivered.flat()).filter((line) => !stored.includes(line));
        },
        { timeout: 15_000 },
      )
      .toEqual([]);
    expect(delivered.flat().length).toBeGreaterThan(0);
    await cluster.restart(1);
  }, 90_000);

  it("answers 503 naming redis while Redis is gone, keeps HTTP reads, and converges once it is back", async () => {
    const documentId = await newDocument("Zonder Redis");
    const onA = await open(direct(0), documentId, people.editor.cookie);
    const onB = await open(direct(1), documentId, people.facilitator.cookie);
    await append(onA, "Voor de storing.");
    await expect.poll(() => textOf(onB), { timeout: 10_000 }).toContain("Voor de storing.");
    const closed = onA.collab.nextClose(10_000);
    await cluster.redis.stop();
    expect(await closed).toBe(CLOSE_CODES.relayUnavailable);
    await expect
      .poll(
        async () => {
          const health = await fetch(`${direct(0)}/healthz`);
          return { status: health.status, down: (await health.json()).down };
        },
        { timeout: 10_000 },
      )
      .toEqual({ status: 503, down: ["redis"] });
    const read = await apiCall(direct(1), `/api/documents/${documentId}`, people.viewer.cookie);
    expect(read.status).toBe(200);
    // Both write while the instances cannot hear each other (their clients keep the text).
    await append(onA, "Tijdens de storing op A.");
    await append(onB, "Tijdens de storing op B.");
    await cluster.redis.start();
    for (const i of [0, 1] as const) {
      await expect
        .poll(async () => (await fetch(`${direct(i)}/healthz`)).status, { timeout: 15_000 })
        .toBe(200);
    }
    for (const client of [onA, onB]) {
      await expect.poll(() => textOf(client), { timeout: 20_000 }).toContain("Tijdens de storing op A.");
      await expect.poll(() => textOf(client), { timeout: 20_000 }).toContain("Tijdens de storing op B.");
    }
    const fresh = await open(cluster.publicUrl, documentId, people.viewer.cookie);
    expect(textOf(fresh)).toContain("Tijdens de storing op A.");
    expect(textOf(fresh)).toContain("Tijdens de storing op B.");
  }, 90_000);
});
