import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvents } from "../../server/events";
import { type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
const trashEvents: DomainEvents["documentTrashed"][0][] = [];

beforeAll(async () => {
  t = await startTestApp();
  ws = await workspaceWithRoles(t.themawerk);
  t.themawerk.deps.events.on("documentTrashed", (event) => trashEvents.push(event));
});
afterAll(async () => {
  await t?.close();
});

async function create(user: FixtureUser, body: unknown, workspaceId = ws.workspaceId) {
  return t.request(`/api/workspaces/${workspaceId}/documents`, { json: body, cookie: user.cookie });
}

async function createOk(user: FixtureUser, body: Record<string, unknown>) {
  const res = await create(user, body);
  expect(res.status).toBe(201);
  return (await res.json()).document as { id: string; [key: string]: unknown };
}

async function list(user: FixtureUser, query = "") {
  const res = await t.request(`/api/workspaces/${ws.workspaceId}/documents${query}`, { cookie: user.cookie });
  expect(res.status).toBe(200);
  return (await res.json()).documents as Array<{
    id: string;
    kind: string;
    title: string;
    [key: string]: unknown;
  }>;
}

describe("creating documents", () => {
  it("creates a case with its metadata and answers 201 with the document", async () => {
    const res = await create(ws.editor, {
      title: "  Gent  ",
      kind: "case",
      municipality: "Gent",
      isCentreCity: true,
      outcome: "succeeded",
    });
    expect(res.status).toBe(201);
    const { document } = await res.json();
    expect(document).toMatchObject({
      workspaceId: ws.workspaceId,
      kind: "case",
      title: "Gent",
      municipality: "Gent",
      isCentreCity: true,
      outcome: "succeeded",
      meetingDate: null,
      meetingPlace: null,
      excerpt: "",
      createdBy: { id: ws.editor.id, name: ws.editor.name },
      updatedBy: { id: ws.editor.id, name: ws.editor.name },
      deletedAt: null,
    });
    expect(document.id).toMatch(/^[a-z0-9]{16}$/);
    expect(Object.keys(document)).not.toContain("plain_text");
  });

  it("defaults a case to not a centre city and outcome ongoing", async () => {
    const doc = await createOk(ws.facilitator, {
      title: "Kleine gemeente",
      kind: "case",
      municipality: "Lille",
    });
    expect(doc).toMatchObject({ isCentreCity: false, outcome: "ongoing" });
  });

  it("creates a meeting with date and place, and plain kinds without metadata", async () => {
    const meeting = await createOk(ws.editor, {
      title: "Derde bijeenkomst",
      kind: "meeting",
      meetingDate: "2006-03-14",
      meetingPlace: "Brussel",
    });
    expect(meeting).toMatchObject({ meetingDate: "2006-03-14", meetingPlace: "Brussel", municipality: null });
    for (const kind of ["problem", "recommendation", "chapter", "note"]) {
      const doc = await createOk(ws.editor, { title: `Een ${kind}`, kind });
      expect(doc).toMatchObject({
        kind,
        municipality: null,
        isCentreCity: null,
        outcome: null,
        meetingDate: null,
      });
    }
  });

  it("stores a first Y.Doc state so no client has to bootstrap the text", async () => {
    const doc = await createOk(ws.editor, { title: "Met tekststaat", kind: "note" });
    const rows = await t.themawerk.database.db
      .selectFrom("document_updates")
      .select("data")
      .where("document_id", "=", doc.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].data.byteLength).toBeGreaterThan(0);
  });

  it.each([
    [{ kind: "note" }, "title"],
    [{ title: "   ", kind: "note" }, "title"],
    [{ title: "x".repeat(201), kind: "note" }, "title"],
    [{ title: "Iets" }, "kind"],
    [{ title: "Iets", kind: "memo" }, "kind"],
    [{ title: "Gent", kind: "case" }, "municipality"],
    [{ title: "Gent", kind: "case", municipality: "Gent", outcome: "failed" }, "outcome"],
    [{ title: "Gent", kind: "case", municipality: "Gent", isCentreCity: "yes" }, "isCentreCity"],
    [{ title: "Vergadering", kind: "meeting" }, "meetingDate"],
    [{ title: "Vergadering", kind: "meeting", meetingDate: "14/03/2006" }, "meetingDate"],
    [{ title: "Notitie", kind: "note", municipality: "Gent" }, "municipality"],
    [{ title: "Probleem", kind: "problem", meetingDate: "2006-03-14" }, "meetingDate"],
    [{ title: "Gent", kind: "case", municipality: "Gent", meetingPlace: "Gent" }, "meetingPlace"],
  ])("refuses %j with a 400 naming %s", async (body, field) => {
    const res = await create(ws.editor, body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it("refuses unknown fields, malformed JSON and a wrong content type", async () => {
    const unknown = await create(ws.editor, { title: "x", kind: "note", workspaceId: "abc" });
    expect(unknown.status).toBe(400);
    const malformed = await t.request(`/api/workspaces/${ws.workspaceId}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
      cookie: ws.editor.cookie,
    });
    expect(malformed.status).toBe(400);
    const text = await t.request(`/api/workspaces/${ws.workspaceId}/documents`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "title",
      cookie: ws.editor.cookie,
    });
    expect(text.status).toBe(415);
  });

  it("lets only editors and facilitators create", async () => {
    for (const user of [ws.commenter, ws.viewer]) {
      const res = await create(user, { title: "Niet toegestaan", kind: "note" });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect((await create(ws.outsider, { title: "x", kind: "note" })).status).toBe(404);
    const anonymous = await t.request(`/api/workspaces/${ws.workspaceId}/documents`, {
      json: { title: "x", kind: "note" },
    });
    expect(anonymous.status).toBe(401);
    expect((await list(ws.facilitator)).map((d) => d.title)).not.toContain("Niet toegestaan");
  });

  it("refuses a create without the app's Origin", async () => {
    const res = await t.request(`/api/workspaces/${ws.workspaceId}/documents`, {
      json: { title: "Cross-site", kind: "note" },
      cookie: ws.editor.cookie,
      headers: { Origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });
});

describe("listing and reading", () => {
  it("lists by kind in the fixed order, newest first within a kind, with who edited last", async () => {
    const first = await createOk(ws.editor, { title: "Oudste notitie", kind: "note" });
    await new Promise((r) => setTimeout(r, 5));
    const second = await createOk(ws.facilitator, { title: "Nieuwste notitie", kind: "note" });
    const docs = await list(ws.viewer);
    const kinds = docs.map((d) => d.kind);
    const order = ["case", "problem", "meeting", "recommendation", "chapter", "note"];
    expect([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kinds);
    const notes = docs.filter((d) => d.kind === "note").map((d) => d.id);
    expect(notes.indexOf(second.id)).toBeLessThan(notes.indexOf(first.id));
    const newest = docs.find((d) => d.id === second.id);
    expect(newest?.updatedBy).toEqual({ id: ws.facilitator.id, name: ws.facilitator.name });
    for (let i = 1; i < notes.length; i++) {
      const [a, b] = [docs.find((d) => d.id === notes[i - 1]), docs.find((d) => d.id === notes[i])];
      expect(String(a?.updatedAt) >= String(b?.updatedAt)).toBe(true);
    }
  });

  it("filters by kind and refuses an unknown kind or trashed value", async () => {
    const cases = await list(ws.commenter, "?kind=case");
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((d) => d.kind === "case")).toBe(true);
    const bad = await t.request(`/api/workspaces/${ws.workspaceId}/documents?kind=memo`, {
      cookie: ws.viewer.cookie,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("kind");
    const badTrash = await t.request(`/api/workspaces/${ws.workspaceId}/documents?trashed=yes`, {
      cookie: ws.viewer.cookie,
    });
    expect(badTrash.status).toBe(400);
  });

  it("lets every member read a document, with their role, and hides it from others", async () => {
    const doc = await createOk(ws.editor, { title: "Leesbaar", kind: "problem" });
    for (const [user, role] of [
      [ws.facilitator, "facilitator"],
      [ws.editor, "editor"],
      [ws.commenter, "commenter"],
      [ws.viewer, "viewer"],
    ] as const) {
      const res = await t.request(`/api/documents/${doc.id}`, { cookie: user.cookie });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.document.title).toBe("Leesbaar");
      expect(body.role).toBe(role);
    }
    expect((await t.request(`/api/documents/${doc.id}`, { cookie: ws.outsider.cookie })).status).toBe(404);
    expect((await t.request(`/api/documents/${doc.id}`)).status).toBe(401);
    expect((await t.request("/api/documents/doesnotexist0000", { cookie: ws.editor.cookie })).status).toBe(
      404,
    );
    expect((await t.request("/api/documents/..%2F..", { cookie: ws.editor.cookie })).status).toBe(404);
  });

  it("does not list another workspace's documents to an outsider", async () => {
    const res = await t.request(`/api/workspaces/${ws.workspaceId}/documents`, {
      cookie: ws.outsider.cookie,
    });
    expect(res.status).toBe(404);
  });
});

describe("editing metadata", () => {
  it("renames and edits a case's metadata, recording who edited last", async () => {
    const doc = await createOk(ws.editor, { title: "Heusden", kind: "case", municipality: "Heusden" });
    const res = await t.request(`/api/documents/${doc.id}`, {
      method: "PATCH",
      json: {
        title: "Heusden-Zolder",
        municipality: "Heusden-Zolder",
        outcome: "struggled",
        isCentreCity: false,
      },
      cookie: ws.facilitator.cookie,
    });
    expect(res.status).toBe(200);
    const { document } = await res.json();
    expect(document).toMatchObject({
      title: "Heusden-Zolder",
      municipality: "Heusden-Zolder",
      outcome: "struggled",
      isCentreCity: false,
      updatedBy: { id: ws.facilitator.id, name: ws.facilitator.name },
    });
    expect(document.updatedAt >= String(doc.updatedAt)).toBe(true);
    const again = await t.request(`/api/documents/${doc.id}`, { cookie: ws.viewer.cookie });
    expect((await again.json()).document.title).toBe("Heusden-Zolder");
  });

  it("refuses metadata of another kind, bad values and unknown fields, naming the field", async () => {
    const note = await createOk(ws.editor, { title: "Notitie", kind: "note" });
    const cases: Array<[unknown, string]> = [
      [{ outcome: "ongoing" }, "outcome"],
      [{ meetingDate: "2006-01-01" }, "meetingDate"],
      [{ title: "" }, "title"],
    ];
    for (const [body, field] of cases) {
      const res = await t.request(`/api/documents/${note.id}`, {
        method: "PATCH",
        json: body,
        cookie: ws.editor.cookie,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    const kindChange = await t.request(`/api/documents/${note.id}`, {
      method: "PATCH",
      json: { kind: "case" },
      cookie: ws.editor.cookie,
    });
    expect(kindChange.status).toBe(400);
    const meeting = await createOk(ws.editor, {
      title: "Vergadering",
      kind: "meeting",
      meetingDate: "2006-01-10",
    });
    const badDate = await t.request(`/api/documents/${meeting.id}`, {
      method: "PATCH",
      json: { meetingDate: "2006-13-45" },
      cookie: ws.editor.cookie,
    });
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.field).toBe("meetingDate");
  });

  it("lets commenters and viewers not rename", async () => {
    const doc = await createOk(ws.editor, { title: "Vast", kind: "note" });
    for (const user of [ws.commenter, ws.viewer]) {
      const res = await t.request(`/api/documents/${doc.id}`, {
        method: "PATCH",
        json: { title: "Gewijzigd" },
        cookie: user.cookie,
      });
      expect(res.status).toBe(403);
    }
    const outsider = await t.request(`/api/documents/${doc.id}`, {
      method: "PATCH",
      json: { title: "Gewijzigd" },
      cookie: ws.outsider.cookie,
    });
    expect(outsider.status).toBe(404);
    const res = await t.request(`/api/documents/${doc.id}`, { cookie: ws.editor.cookie });
    expect((await res.json()).document.title).toBe("Vast");
  });
});

describe("trash and restore", () => {
  it("moves a document to the trash and back, listing it in the trash meanwhile and emitting events", async () => {
    const doc = await createOk(ws.editor, { title: "Weg ermee", kind: "note" });
    const trashed = await t.request(`/api/documents/${doc.id}`, {
      method: "DELETE",
      cookie: ws.editor.cookie,
    });
    expect(trashed.status).toBe(200);
    expect((await trashed.json()).document.deletedAt).toEqual(expect.any(String));
    expect(trashEvents).toContainEqual({ workspaceId: ws.workspaceId, documentId: doc.id, deleted: true });

    expect((await list(ws.viewer)).map((d) => d.id)).not.toContain(doc.id);
    expect((await list(ws.viewer, "?trashed=1")).map((d) => d.id)).toContain(doc.id);
    // Still readable (the trash view opens it), but not editable.
    expect((await t.request(`/api/documents/${doc.id}`, { cookie: ws.viewer.cookie })).status).toBe(200);
    const rename = await t.request(`/api/documents/${doc.id}`, {
      method: "PATCH",
      json: { title: "Toch niet" },
      cookie: ws.editor.cookie,
    });
    expect(rename.status).toBe(409);

    const restored = await t.request(`/api/documents/${doc.id}/restore`, {
      method: "POST",
      cookie: ws.facilitator.cookie,
    });
    expect(restored.status).toBe(200);
    expect((await restored.json()).document.deletedAt).toBeNull();
    expect(trashEvents).toContainEqual({ workspaceId: ws.workspaceId, documentId: doc.id, deleted: false });
    expect((await list(ws.viewer)).map((d) => d.id)).toContain(doc.id);
    expect((await list(ws.viewer, "?trashed=1")).map((d) => d.id)).not.toContain(doc.id);
  });

  it("treats a second trash as a no-op without a second event", async () => {
    const doc = await createOk(ws.editor, { title: "Twee keer", kind: "note" });
    await t.request(`/api/documents/${doc.id}`, { method: "DELETE", cookie: ws.editor.cookie });
    const before = trashEvents.length;
    const again = await t.request(`/api/documents/${doc.id}`, { method: "DELETE", cookie: ws.editor.cookie });
    expect(again.status).toBe(200);
    expect(trashEvents.length).toBe(before);
  });

  it("lets commenters, viewers and outsiders neither trash nor restore", async () => {
    const doc = await createOk(ws.editor, { title: "Blijft staan", kind: "note" });
    for (const user of [ws.commenter, ws.viewer]) {
      const del = await t.request(`/api/documents/${doc.id}`, { method: "DELETE", cookie: user.cookie });
      expect(del.status).toBe(403);
    }
    expect(
      (await t.request(`/api/documents/${doc.id}`, { method: "DELETE", cookie: ws.outsider.cookie })).status,
    ).toBe(404);
    expect((await t.request(`/api/documents/${doc.id}`, { method: "DELETE" })).status).toBe(401);
    await t.request(`/api/documents/${doc.id}`, { method: "DELETE", cookie: ws.editor.cookie });
    for (const user of [ws.commenter, ws.viewer]) {
      const res = await t.request(`/api/documents/${doc.id}/restore`, {
        method: "POST",
        cookie: user.cookie,
      });
      expect(res.status).toBe(403);
    }
    expect((await list(ws.viewer, "?trashed=1")).map((d) => d.id)).toContain(doc.id);
  });
});
