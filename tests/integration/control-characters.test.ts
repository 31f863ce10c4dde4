import { $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { $createLessonNode } from "../../shared/editor";
import { workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

/** A formula behind a control character: the form an export's formula guard once missed. */
const hidden = '\u0007=HYPERLINK("http://evil.example","klik")';
const formula = '=HYPERLINK("http://evil.example","klik")';
/** C0 control characters (tab, line feed and carriage return included) and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const control = /[\u0000-\u001f\u007f]/;
/** The same without line feed and carriage return, which a quoted CSV field may hold (and HTML reads as white space). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlInCell = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

let t: TestApp;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let themeId: string;
let caseA: string;
let caseB: string;
let meeting: string;

async function call(path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) {
  const res = await t.request(path, { ...init, cookie });
  const text = await res.text();
  const json = res.headers.get("Content-Type")?.startsWith("application/json");
  return { status: res.status, body: json && text ? JSON.parse(text) : null, text };
}

async function created(path: string, json: unknown) {
  const res = await call(path, people.facilitator.cookie, { method: "POST", json });
  expect(res.status, `POST ${path}`).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  people = await workspaceWithRoles(t.themawerk);
  const ws = people.workspaceId;
  themeId = (await created(`/api/workspaces/${ws}/themes`, { name: "Thema" })).theme.id;
  caseA = (
    await created(`/api/workspaces/${ws}/documents`, {
      title: "Casus A",
      kind: "case",
      municipality: "Gent",
      outcome: "succeeded",
    })
  ).document.id;
  caseB = (
    await created(`/api/workspaces/${ws}/documents`, {
      title: "Casus B",
      kind: "case",
      municipality: "Brugge",
      outcome: "struggled",
    })
  ).document.id;
  meeting = (
    await created(`/api/workspaces/${ws}/documents`, {
      title: "Overleg",
      kind: "meeting",
      meetingDate: "2024-05-01",
    })
  ).document.id;
});
afterAll(async () => {
  await t?.close();
});

describe("names and titles refuse control characters at the edge", () => {
  const refusals = () => {
    const ws = people.workspaceId;
    return [
      {
        what: "new theme",
        method: "POST",
        path: `/api/workspaces/${ws}/themes`,
        json: { name: hidden },
        field: "name",
      },
      {
        what: "theme rename",
        method: "PATCH",
        path: `/api/themes/${themeId}`,
        json: { name: hidden },
        field: "name",
      },
      {
        what: "new case municipality",
        method: "POST",
        path: `/api/workspaces/${ws}/documents`,
        json: { title: "Casus C", kind: "case", municipality: hidden, outcome: "ongoing" },
        field: "municipality",
      },
      {
        what: "case municipality",
        method: "PATCH",
        path: `/api/documents/${caseA}`,
        json: { municipality: hidden },
        field: "municipality",
      },
      {
        what: "new document title",
        method: "POST",
        path: `/api/workspaces/${ws}/documents`,
        json: { title: "Nota\u0000", kind: "note" },
        field: "title",
      },
      {
        what: "document title",
        method: "PATCH",
        path: `/api/documents/${caseA}`,
        json: { title: "Casus\tA" },
        field: "title",
      },
      {
        what: "meeting place",
        method: "PATCH",
        path: `/api/documents/${meeting}`,
        json: { meetingPlace: "Zaal\n2" },
        field: "meetingPlace",
      },
      {
        what: "new workspace",
        method: "POST",
        path: "/api/workspaces",
        json: { name: hidden },
        field: "name",
      },
      {
        what: "workspace name",
        method: "PATCH",
        path: `/api/workspaces/${ws}`,
        json: { name: "\u007fWerk" },
        field: "name",
      },
      {
        what: "workspace period",
        method: "PATCH",
        path: `/api/workspaces/${ws}`,
        json: { period: "2024\r2025" },
        field: "period",
      },
      {
        what: "user name",
        method: "PATCH",
        path: "/api/me",
        json: { name: "\u001b[31mRood" },
        field: "name",
      },
      {
        what: "comparison name",
        method: "POST",
        path: `/api/workspaces/${ws}/comparisons`,
        json: { name: hidden, caseIds: [caseA, caseB] },
        field: "name",
      },
    ];
  };

  it("answers 400 with a field error for each name or title with a control character", async () => {
    for (const r of refusals()) {
      const res = await call(r.path, people.facilitator.cookie, { method: r.method, json: r.json });
      expect(res.status, r.what).toBe(400);
      expect(res.body.error, r.what).toMatchObject({ code: "validation_failed", field: r.field });
      expect(res.body.error.message, r.what).toBe(
        `${r.field}: must not contain control characters (such as a tab or line break)`,
      );
    }
    // Nothing of it was stored.
    const themes = await call(`/api/workspaces/${people.workspaceId}/themes`, people.viewer.cookie);
    expect(themes.body.themes.map((x: { name: string }) => x.name)).not.toContain(hidden);
    expect(themes.body.themes.map((x: { name: string }) => x.name)).not.toContain(formula);
    const doc = await call(`/api/documents/${caseA}`, people.viewer.cookie);
    expect(doc.body.document).toMatchObject({ title: "Casus A", municipality: "Gent" });
    const me = await call("/api/me", people.facilitator.cookie);
    expect(me.body.user.name).toBe(people.facilitator.name);
    const comparisons = await call(`/api/workspaces/${people.workspaceId}/comparisons`, people.viewer.cookie);
    expect(comparisons.body.comparisons).toEqual([]);
  });

  it("still trims surrounding white space, line breaks included", async () => {
    const res = await call(`/api/workspaces/${people.workspaceId}/themes`, people.facilitator.cookie, {
      method: "POST",
      json: { name: "  Tweede thema\r\n" },
    });
    expect(res.status).toBe(201);
    expect(res.body.theme.name).toBe("Tweede thema");
  });
});

describe("a value stored before the edge refused it is exported guarded", () => {
  let comparisonId: string;

  beforeAll(async () => {
    const db = t.themawerk.database.db;
    for (const [documentId, kind, text] of [
      [caseA, "do", "Doe dit"],
      [caseB, "dont", "Doe dat niet"],
    ] as const) {
      const update = encodeDocumentUpdate(() => {
        $getRoot()
          .clear()
          .append($createLessonNode(kind, [themeId]).append($createTextNode(text)));
      });
      await t.themawerk.collab.applyServerUpdate(documentId, update, people.editor.id);
    }
    const lessonCount = async () =>
      (await call(`/api/workspaces/${people.workspaceId}/lessons`, people.viewer.cookie)).body.lessons
        .length as number;
    for (const deadline = Date.now() + 15_000; (await lessonCount()) < 2 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await lessonCount()).toBe(2);
    // As an older version (or a direct import) could have stored them: behind the API's back.
    await db.updateTable("themes").set({ name: hidden }).where("id", "=", themeId).execute();
    await db
      .updateTable("documents")
      // (PostgreSQL text holds no NUL byte, so the lowest control character stored is U+0001.)
      .set({ municipality: "\u0001\u0002+SUM(1)" })
      .where("id", "=", caseA)
      .execute();
    await db.updateTable("documents").set({ municipality: "\u0008\r=1+1" }).where("id", "=", caseB).execute();
    comparisonId = (
      await created(`/api/workspaces/${people.workspaceId}/comparisons`, {
        name: "Vergelijking",
        caseIds: [caseA, caseB],
      })
    ).comparison.id;
  });

  it("CSV: the formula behind a control character gets its apostrophe, and no control character is written", async () => {
    const res = await call(
      `/api/workspaces/${people.workspaceId}/comparisons/${comparisonId}/export.csv`,
      people.viewer.cookie,
    );
    expect(res.status).toBe(200);
    const csv = res.text.replace(/^\uFEFF/, "");
    const fields = [...csv.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
    expect(fields).toContain(`'${formula}`);
    expect(fields.some((f) => f.startsWith("'+SUM(1) — Casus A"))).toBe(true);
    expect(fields.some((f) => f.startsWith("'\r=1+1 — Casus B"))).toBe(true);
    expect(fields.filter((f) => /^[\t\r]|^\s*[=+\-@]/.test(f))).toEqual([]);
    expect(fields.filter((f) => controlInCell.test(f))).toEqual([]);
    expect(csv.replace(/"((?:[^"]|"")*)"/g, "")).toMatch(/^[,\r\n]*$/);
  });

  it("Markdown: no control character is written", async () => {
    const res = await call(
      `/api/workspaces/${people.workspaceId}/comparisons/${comparisonId}/export.md`,
      people.viewer.cookie,
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain("HYPERLINK");
    expect(res.text.replace(/\n/g, "")).not.toMatch(control);
  });

  it("handbook HTML and Markdown: no control character is written", async () => {
    for (const l of (await call(`/api/workspaces/${people.workspaceId}/lessons`, people.viewer.cookie)).body
      .lessons) {
      const res = await call(`/api/lessons/${l.id}/status`, people.facilitator.cookie, {
        method: "PATCH",
        json: { status: "validated" },
      });
      expect(res.status).toBe(200);
    }
    // HTML reads a carriage return as a line break; Markdown gets line feeds only.
    for (const [format, refused] of [
      ["html", controlInCell],
      ["md", control],
    ] as const) {
      const res = await call(
        `/api/workspaces/${people.workspaceId}/handbook/export.${format}`,
        people.viewer.cookie,
      );
      expect(res.status, format).toBe(200);
      expect(res.text, format).toContain("HYPERLINK");
      expect(res.text.replace(/\n/g, ""), format).not.toMatch(refused);
    }
  });
});
