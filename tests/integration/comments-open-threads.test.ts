import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, createUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;

async function call(path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) {
  const res = await t.request(path, { ...init, cookie });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function thread(documentId: string, cookie: string, body: string): Promise<string> {
  const created = await call(`/api/documents/${documentId}/threads`, cookie, {
    method: "POST",
    json: { target: "document", body },
  });
  expect(created.status).toBe(201);
  return created.body.thread.id;
}

const list = (cookie: string, query = "") =>
  call(`/api/workspaces/${people.workspaceId}/threads${query}`, cookie);

beforeAll(async () => {
  t = await startTestApp();
  people = await workspaceWithRoles(t.themawerk);
});
afterAll(async () => {
  await t?.close();
});

describe("the open threads of a workspace (GET /api/workspaces/:id/threads)", () => {
  it("lists the open ones on live documents, latest activity first, with who started them and the newest message", async () => {
    const minutes = await createDocument(
      t.themawerk,
      people.workspaceId,
      people.editor,
      "Verslag bijeenkomst 2",
    );
    const trashed = await createDocument(t.themawerk, people.workspaceId, people.editor, "Weg ermee");
    const first = await thread(minutes, people.commenter.cookie, "Klopt de datum?");
    const resolved = await thread(minutes, people.commenter.cookie, "Al opgelost");
    await thread(trashed, people.commenter.cookie, "Op een document in de prullenbak");
    const second = await thread(minutes, people.editor.cookie, "Wie neemt de actie op?");
    expect(
      (await call(`/api/threads/${resolved}/resolve`, people.facilitator.cookie, { method: "POST" })).status,
    ).toBe(200);
    expect((await call(`/api/documents/${trashed}`, people.editor.cookie, { method: "DELETE" })).status).toBe(
      200,
    );
    // A reply makes the first thread the most recent again.
    const reply = await call(`/api/threads/${first}/messages`, people.facilitator.cookie, {
      method: "POST",
      json: { body: "Ja, 14 maart." },
    });
    expect(reply.status).toBe(201);

    const answer = await list(people.viewer.cookie);
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(answer.body.threads.map((x: { threadId: string }) => x.threadId)).toEqual([first, second]);
    expect(answer.body.threads[0]).toMatchObject({
      documentId: minutes,
      documentTitle: "Verslag bijeenkomst 2",
      target: "document",
      startedBy: people.commenter.name,
      messageCount: 2,
      latest: { author: people.facilitator.name, text: "Ja, 14 maart." },
    });

    const one = await list(people.viewer.cookie, "?limit=1");
    expect(one.body.total).toBe(2);
    expect(one.body.threads).toHaveLength(1);
  });

  it("answers a bad limit with 400 and a stranger with 404, changing nothing", async () => {
    for (const limit of ["0", "51", "veel"]) {
      const res = await list(people.viewer.cookie, `?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const stranger = await createUser(t.themawerk, "Buitenstaander");
    const res = await list(stranger.cookie);
    expect(res.status).toBe(404);
    expect(res.body.error).toBeDefined();
    expect((await list(people.viewer.cookie)).body.total).toBe(2);
  });
});
