import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidenceResponse } from "../../shared/schemas/recommendations";
import { addMember, createUser, createWorkspace, type FixtureUser } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let workspaceId: string;
let otherWorkspace: string;
const people = {} as Record<"facilitator" | "editor" | "commenter" | "viewer" | "outsider", FixtureUser>;
let recommendation: string;
let note: string;
let lessons: Array<{ id: string; document_id: string; kind: string }>;
let caseIds: string[];
let problemId: string;
let foreignLesson: string;

async function call(path: string, who: FixtureUser | null, method = "GET") {
  const res = await t.request(path, { method, cookie: who?.cookie });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

beforeAll(async () => {
  t = await startTestApp({ DEMO: "1" });
  const db = t.themawerk.database.db;
  workspaceId = (await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
  for (const role of ["facilitator", "editor", "commenter", "viewer"] as const) {
    people[role] = await createUser(t.themawerk, role);
    await addMember(t.themawerk, workspaceId, people[role], role);
  }
  people.outsider = await createUser(t.themawerk, "outsider");
  const created = await t.request(`/api/workspaces/${workspaceId}/documents`, {
    json: { title: "Aanbeveling: een regisseur per regio", kind: "recommendation" },
    cookie: people.editor.cookie,
  });
  expect(created.status).toBe(201);
  recommendation = (await created.json()).document.id;
  const noteRes = await t.request(`/api/workspaces/${workspaceId}/documents`, {
    json: { title: "Notitie", kind: "note" },
    cookie: people.editor.cookie,
  });
  note = (await noteRes.json()).document.id;
  lessons = await db.selectFrom("lessons").select(["id", "document_id", "kind"]).where("deleted_at", "is", null).execute();
  const docs = await db.selectFrom("documents").select(["id", "kind"]).execute();
  caseIds = docs.filter((d) => d.kind === "case").map((d) => d.id);
  problemId = docs.find((d) => d.kind === "problem")!.id;

  // A lesson in another workspace (only its existence matters here).
  otherWorkspace = await createWorkspace(t.themawerk, people.outsider, "Andere");
  const doc = await t.request(`/api/workspaces/${otherWorkspace}/documents`, {
    json: { title: "Elders", kind: "case", municipality: "Elders", outcome: "succeeded" },
    cookie: people.outsider.cookie,
  });
  const otherDoc = (await doc.json()).document.id;
  foreignLesson = "lforeignlesson000000001";
  const now = new Date().toISOString();
  await db
    .insertInto("lessons")
    .values({
      id: foreignLesson,
      workspace_id: otherWorkspace,
      document_id: otherDoc,
      kind: "do",
      text: "Elders geleerd",
      position: 0,
      status: "candidate",
      previous_status: null,
      status_changed_by: null,
      status_changed_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
});
afterAll(async () => {
  await t?.close();
});

const evidencePath = (lessonId?: string) => `/api/documents/${recommendation}/evidence${lessonId ? `/${lessonId}` : ""}`;

describe("recommendation evidence", () => {
  it("links lessons from both cases and the problem statement, and counts cases and lessons", async () => {
    const fromCase0 = lessons.filter((l) => l.document_id === caseIds[0]).slice(0, 2);
    const fromCase1 = lessons.find((l) => l.document_id === caseIds[1])!;
    const fromProblem = lessons.find((l) => l.document_id === problemId)!;
    for (const l of [...fromCase0, fromCase1]) {
      expect((await call(evidencePath(l.id), people.editor, "PUT")).status).toBe(200);
    }
    const last = await call(evidencePath(fromProblem.id), people.facilitator, "PUT");
    expect(last.status).toBe(200);
    const body: EvidenceResponse = last.body;
    expect(body.counts).toEqual({ cases: 2, lessons: 4 });
    expect(new Set(body.lessons.map((l) => l.id))).toEqual(new Set([...fromCase0, fromCase1, fromProblem].map((l) => l.id)));
    const fromCase = body.lessons.find((l) => l.id === fromCase1.id)!;
    expect(fromCase.document).toMatchObject({ id: caseIds[1], kind: "case" });
    expect(fromCase.document.municipality).toBeTruthy();
    expect(fromCase.themes.length).toBeGreaterThan(0);

    const again = await call(evidencePath(fromCase1.id), people.editor, "PUT");
    expect(again.body.counts).toEqual({ cases: 2, lessons: 4 });
    const read = await call(evidencePath(), people.viewer);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(again.body);
  });

  it("shows from the lesson's side which recommendations cite it", async () => {
    const cited = lessons.find((l) => l.document_id === caseIds[1])!;
    const res = await call(`/api/lessons/${cited.id}/recommendations`, people.commenter);
    expect(res.status).toBe(200);
    expect(res.body.recommendations).toEqual([{ id: recommendation, title: "Aanbeveling: een regisseur per regio" }]);
    const uncited = lessons.find((l) => l.document_id === caseIds[1] && l.id !== cited.id)!;
    expect((await call(`/api/lessons/${uncited.id}/recommendations`, people.viewer)).body.recommendations).toEqual([]);
  });

  it("unlinks, and both sides follow", async () => {
    const cited = lessons.find((l) => l.document_id === caseIds[1])!;
    const res = await call(evidencePath(cited.id), people.editor, "DELETE");
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ cases: 1, lessons: 3 });
    expect((await call(`/api/lessons/${cited.id}/recommendations`, people.viewer)).body.recommendations).toEqual([]);
  });

  it("drops a recommendation from a lesson's list when it is trashed, and the lesson from the evidence when it goes", async () => {
    const cited = lessons.find((l) => l.document_id === problemId)!;
    await call(`/api/documents/${recommendation}`, people.editor, "DELETE");
    expect((await call(`/api/lessons/${cited.id}/recommendations`, people.viewer)).body.recommendations).toEqual([]);
    // A trashed recommendation takes no new evidence.
    expect((await call(evidencePath(cited.id), people.editor, "PUT")).status).toBe(409);
    await t.request(`/api/documents/${recommendation}/restore`, { method: "POST", cookie: people.editor.cookie });
    expect((await call(`/api/lessons/${cited.id}/recommendations`, people.viewer)).body.recommendations).toHaveLength(1);

    const db = t.themawerk.database.db;
    await db.updateTable("lessons").set({ deleted_at: new Date().toISOString() }).where("id", "=", cited.id).execute();
    try {
      expect((await call(evidencePath(), people.viewer)).body.counts).toEqual({ cases: 1, lessons: 2 });
    } finally {
      await db.updateTable("lessons").set({ deleted_at: null }).where("id", "=", cited.id).execute();
    }
  });

  it("only takes lessons of the same workspace, only on a recommendation", async () => {
    const foreign = await call(evidencePath(foreignLesson), people.facilitator, "PUT");
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
    expect((await call(evidencePath("lnosuchlesson"), people.facilitator, "PUT")).status).toBe(404);
    const onNote = await call(`/api/documents/${note}/evidence/${lessons[0].id}`, people.editor, "PUT");
    expect(onNote.status).toBe(400);
    expect((await call(`/api/documents/${note}/evidence`, people.viewer)).status).toBe(400);
  });

  it.each([
    ["facilitator", 200, 200, 200, 200],
    ["editor", 200, 200, 200, 200],
    ["commenter", 200, 403, 403, 200],
    ["viewer", 200, 403, 403, 200],
    ["outsider", 404, 404, 404, 404],
    ["no session", 401, 401, 401, 401],
  ] as const)("%s: read %i, link %i, unlink %i, citing %i", async (who, read, link, unlink, citing) => {
    const user = who === "no session" ? null : people[who];
    const lesson = lessons.find((l) => l.document_id === caseIds[0])!;
    expect((await call(evidencePath(), user)).status).toBe(read);
    expect((await call(evidencePath(lesson.id), user, "PUT")).status).toBe(link);
    expect((await call(evidencePath(lesson.id), user, "DELETE")).status).toBe(unlink);
    expect((await call(`/api/lessons/${lesson.id}/recommendations`, user)).status).toBe(citing);
  });

  it("refuses a state change without the app's Origin", async () => {
    const res = await t.request(evidencePath(lessons[0].id), { method: "PUT", cookie: people.editor.cookie, headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});
