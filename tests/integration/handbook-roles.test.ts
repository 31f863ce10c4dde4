import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createUser, type FixtureUser } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

const callers = ["facilitator", "editor", "commenter", "viewer", "outsider", "no session"] as const;
type Caller = (typeof callers)[number];
type Expected = Record<Caller, number>;

const everyMember = (ok = 200): Expected => ({ facilitator: ok, editor: ok, commenter: ok, viewer: ok, outsider: 404, "no session": 401 });
const editors = (ok = 200): Expected => ({ facilitator: ok, editor: ok, commenter: 403, viewer: 403, outsider: 404, "no session": 401 });
const facilitatorOnly = (ok = 200): Expected => ({ facilitator: ok, editor: 403, commenter: 403, viewer: 403, outsider: 404, "no session": 401 });

let t: TestApp;
let ws: string;
const people = {} as Record<Exclude<Caller, "no session">, FixtureUser>;
let cases: string[];
let doLesson: string;
let recommendation: string;
let chapter: string;
let accessTheme: string;

async function asFacilitator(path: string, json?: unknown, method = "POST") {
  const res = await t.request(path, { method, json, cookie: people.facilitator.cookie });
  expect(res.status).toBeLessThan(300);
  return res.status === 204 ? null : res.json();
}
const newComparison = async () =>
  (await asFacilitator(`/api/workspaces/${ws}/comparisons`, { name: "Rollen", caseIds: cases })).comparison.id as string;

interface Route {
  method: string;
  path: () => string | Promise<string>;
  json?: () => unknown | Promise<unknown>;
  expected: Expected;
}

let standing: string;
const routes: Record<string, Route> = {
  "preview a comparison": { method: "POST", path: () => `/api/workspaces/${ws}/comparisons/preview`, json: () => ({ caseIds: cases }), expected: everyMember() },
  "list comparisons": { method: "GET", path: () => `/api/workspaces/${ws}/comparisons`, expected: everyMember() },
  "open a comparison": { method: "GET", path: () => `/api/workspaces/${ws}/comparisons/${standing}`, expected: everyMember() },
  "comparison as Markdown": { method: "GET", path: () => `/api/workspaces/${ws}/comparisons/${standing}/export.md`, expected: everyMember() },
  "comparison as CSV": { method: "GET", path: () => `/api/workspaces/${ws}/comparisons/${standing}/export.csv`, expected: everyMember() },
  "save a comparison": { method: "POST", path: () => `/api/workspaces/${ws}/comparisons`, json: () => ({ name: "x", caseIds: cases }), expected: editors(201) },
  "delete a comparison": { method: "DELETE", path: async () => `/api/workspaces/${ws}/comparisons/${await newComparison()}`, expected: editors(204) },
  "read evidence": { method: "GET", path: () => `/api/documents/${recommendation}/evidence`, expected: everyMember() },
  "cite a lesson": { method: "PUT", path: () => `/api/documents/${recommendation}/evidence/${doLesson}`, expected: editors() },
  "uncite a lesson": { method: "DELETE", path: () => `/api/documents/${recommendation}/evidence/${doLesson}`, expected: editors() },
  "recommendations citing a lesson": { method: "GET", path: () => `/api/lessons/${doLesson}/recommendations`, expected: everyMember() },
  "read the outline": { method: "GET", path: () => `/api/workspaces/${ws}/handbook/outline`, expected: everyMember() },
  "change the outline": { method: "PUT", path: () => `/api/workspaces/${ws}/handbook/outline`, json: () => ({ themeIds: [accessTheme] }), expected: facilitatorOnly() },
  "compile the handbook": { method: "GET", path: () => `/api/workspaces/${ws}/handbook`, expected: everyMember() },
  "handbook as HTML": { method: "GET", path: () => `/api/workspaces/${ws}/handbook/export.html`, expected: everyMember() },
  "handbook as Markdown": { method: "GET", path: () => `/api/workspaces/${ws}/handbook/export.md`, expected: everyMember() },
  "handbook as DOCX": { method: "GET", path: () => `/api/workspaces/${ws}/handbook/export.docx`, expected: everyMember() },
  "mark exported": { method: "POST", path: () => `/api/workspaces/${ws}/handbook/mark-exported`, expected: facilitatorOnly() },
  "undo the mark": {
    method: "POST",
    path: () => `/api/workspaces/${ws}/handbook/mark-exported/undo`,
    json: async () => ({ token: (await asFacilitator(`/api/workspaces/${ws}/handbook/mark-exported`)).token }),
    expected: facilitatorOnly(),
  },
  "minimal version": { method: "GET", path: () => `/api/workspaces/${ws}/minimal`, expected: everyMember() },
  "mark as minimum": { method: "PUT", path: () => `/api/lessons/${doLesson}/minimum`, expected: facilitatorOnly() },
  "tick a minimum lesson off": { method: "PUT", path: () => `/api/lessons/${doLesson}/minimum/done`, expected: editors() },
  "open a minimum lesson again": { method: "DELETE", path: () => `/api/lessons/${doLesson}/minimum/done`, expected: editors() },
  "unmark as minimum": { method: "DELETE", path: () => `/api/lessons/${doLesson}/minimum`, expected: facilitatorOnly() },
  "read a chapter's theme": { method: "GET", path: () => `/api/documents/${chapter}/chapter-theme`, expected: everyMember() },
  "link a chapter to a theme": { method: "PUT", path: () => `/api/documents/${chapter}/chapter-theme`, json: () => ({ themeId: accessTheme }), expected: editors() },
};

beforeAll(async () => {
  t = await startTestApp({ DEMO: "1" });
  const db = t.themawerk.database.db;
  ws = (await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
  for (const role of ["facilitator", "editor", "commenter", "viewer"] as const) {
    people[role] = await createUser(t.themawerk, role);
    await addMember(t.themawerk, ws, people[role], role);
  }
  people.outsider = await createUser(t.themawerk, "outsider");
  cases = (await db.selectFrom("documents").select("id").where("kind", "=", "case").execute()).map((d) => d.id);
  doLesson = (await db.selectFrom("lessons").select("id").where("kind", "=", "do").executeTakeFirstOrThrow()).id;
  accessTheme = (await db.selectFrom("themes").select("id").orderBy("position").executeTakeFirstOrThrow()).id;
  recommendation = (await asFacilitator(`/api/workspaces/${ws}/documents`, { title: "Aanbeveling", kind: "recommendation" })).document.id;
  chapter = (await asFacilitator(`/api/workspaces/${ws}/documents`, { title: "Hoofdstuk", kind: "chapter" })).document.id;
  standing = await newComparison();
});
afterAll(async () => {
  await t?.close();
});

describe("who may use each comparison, evidence and handbook route", () => {
  const table = Object.entries(routes).flatMap(([name, route]) => callers.map((caller) => [name, caller, route] as const));
  it.each(table)("%s as %s", async (_name, caller, route) => {
    const path = await route.path();
    const json = route.json ? await route.json() : undefined;
    const cookie = caller === "no session" ? undefined : people[caller].cookie;
    const res = await t.request(path, { method: route.method, json, cookie });
    expect(res.status).toBe(route.expected[caller]);
    if (res.status >= 400) {
      const body = await res.json();
      expect(typeof body.error.code).toBe("string");
    }
  });
});
