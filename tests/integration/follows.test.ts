import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "../helpers/api-client";
import { createDocument, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let themeId: string;
let documentId: string;

const api = (path: string, cookie: string | undefined, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie ?? "", init);

const followsOf = async (person: FixtureUser) => {
  const res = await api(`/api/workspaces/${people.workspaceId}/follows`, person.cookie);
  expect(res.status).toBe(200);
  return res.body;
};
const followTheme = (person: FixtureUser, id = themeId) =>
  api("/api/follows", person.cookie, { method: "PUT", json: { targetType: "theme", targetId: id } });
const followDocument = (person: FixtureUser, id = documentId) =>
  api("/api/follows", person.cookie, { method: "PUT", json: { targetType: "document", targetId: id } });

describe("following themes and documents", () => {
  beforeAll(async () => {
    server = await startTestServer();
    people = await workspaceWithRoles(server.themawerk);
    const theme = await api(`/api/workspaces/${people.workspaceId}/themes`, people.facilitator.cookie, {
      method: "POST",
      json: { name: "Dienstenwijzer" },
    });
    expect(theme.status).toBe(201);
    themeId = theme.body.theme.id;
    documentId = await createDocument(
      server.themawerk,
      people.workspaceId,
      people.editor,
      "Casus Gent",
      "case",
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lets every role follow and unfollow, and following twice is following once", async () => {
    for (const person of [people.facilitator, people.editor, people.commenter, people.viewer]) {
      expect(await followsOf(person)).toEqual({ themes: [], documents: [] });
      expect((await followTheme(person)).status).toBe(204);
      expect((await followTheme(person)).status).toBe(204);
      expect((await followDocument(person)).status).toBe(204);
      expect(await followsOf(person)).toEqual({ themes: [themeId], documents: [documentId] });

      const stop = await api(`/api/follows/theme/${themeId}`, person.cookie, { method: "DELETE" });
      expect(stop.status).toBe(204);
      expect(await followsOf(person)).toEqual({ themes: [], documents: [documentId] });
      // Unfollowing what one does not follow is no error.
      expect((await api(`/api/follows/theme/${themeId}`, person.cookie, { method: "DELETE" })).status).toBe(
        204,
      );
    }
    // Each person's list is their own.
    const rows = await server.themawerk.database.db
      .selectFrom("follows")
      .select("user_id")
      .where("target_id", "=", documentId)
      .execute();
    expect(rows).toHaveLength(4);
  });

  it("answers outsiders 404, as for a target that does not exist", async () => {
    const { outsider } = people;
    expect((await followTheme(outsider)).status).toBe(404);
    expect((await followDocument(outsider)).status).toBe(404);
    expect(
      (await api(`/api/follows/document/${documentId}`, outsider.cookie, { method: "DELETE" })).status,
    ).toBe(404);
    expect((await api(`/api/workspaces/${people.workspaceId}/follows`, outsider.cookie)).status).toBe(404);
    const missing = await followTheme(people.viewer, "bestaat-niet");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const rows = await server.themawerk.database.db
      .selectFrom("follows")
      .select("target_id")
      .where("user_id", "=", outsider.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("refuses a document in the trash with 409", async () => {
    const trashed = await createDocument(
      server.themawerk,
      people.workspaceId,
      people.editor,
      "Weg ermee",
      "note",
    );
    expect((await api(`/api/documents/${trashed}`, people.editor.cookie, { method: "DELETE" })).status).toBe(
      200,
    );
    const res = await followDocument(people.commenter, trashed);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect((await followsOf(people.commenter)).documents).not.toContain(trashed);
  });

  it("needs a session and a well-formed target", async () => {
    expect((await followTheme({ ...people.viewer, cookie: "" })).status).toBe(401);
    expect((await api(`/api/workspaces/${people.workspaceId}/follows`, undefined)).status).toBe(401);
    const badType = await api("/api/follows", people.viewer.cookie, {
      method: "PUT",
      json: { targetType: "workspace", targetId: people.workspaceId },
    });
    expect(badType.status).toBe(400);
    const extra = await api("/api/follows", people.viewer.cookie, {
      method: "PUT",
      json: { targetType: "theme", targetId: themeId, also: 1 },
    });
    expect(extra.status).toBe(400);
    expect(
      (await api(`/api/follows/workspace/${themeId}`, people.viewer.cookie, { method: "DELETE" })).status,
    ).toBe(400);
  });
});
