import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComparisonMatrix, SavedComparison } from "../../shared/schemas/comparisons";
import { addMember, createUser, type FixtureUser } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let workspaceId: string;
let facilitator: FixtureUser;
let editor: FixtureUser;
let viewer: FixtureUser;
let outsider: FixtureUser;
let succeeded: string;
let struggled: string;
let problem: string;
const themeIds: Record<string, string> = {};

const themeNames = {
  access: "Lokaal aanbod ontsluiten (virtueel loket, dienstenwijzer)",
  development: "Ontwikkeling van de lokale diensteneconomie",
  masterplan: "Afstemming en coördinatie via het masterplan",
  recognition: "Erkenning en advies over initiatieven (klaverbladmodel)",
  reporting: "Beslissingen meedelen aan de minister",
  smallTowns: "Expertise en middelen van kleinere gemeenten",
  partnership: "Partnerschap",
};

beforeAll(async () => {
  t = await startTestApp({ DEMO: "1" });
  const db = t.themawerk.database.db;
  workspaceId = (await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
  facilitator = await createUser(t.themawerk, "Fien");
  editor = await createUser(t.themawerk, "Eddy");
  viewer = await createUser(t.themawerk, "Vera");
  outsider = await createUser(t.themawerk, "Otto");
  await addMember(t.themawerk, workspaceId, facilitator, "facilitator");
  await addMember(t.themawerk, workspaceId, editor, "editor");
  await addMember(t.themawerk, workspaceId, viewer, "viewer");
  const docs = await db.selectFrom("documents").select(["id", "kind", "outcome"]).execute();
  succeeded = docs.find((d) => d.outcome === "succeeded")!.id;
  struggled = docs.find((d) => d.outcome === "struggled")!.id;
  problem = docs.find((d) => d.kind === "problem")!.id;
  for (const theme of await db.selectFrom("themes").select(["id", "name"]).execute()) {
    const key = Object.entries(themeNames).find(([, name]) => name === theme.name)?.[0];
    if (key) themeIds[key] = theme.id;
  }
});
afterAll(async () => {
  await t?.close();
});

async function preview(caseIds: string[], who: FixtureUser = viewer) {
  const res = await t.request(`/api/workspaces/${workspaceId}/comparisons/preview`, {
    json: { caseIds },
    cookie: who.cookie,
  });
  return { status: res.status, body: await res.json() };
}

const crucialThemes = (m: ComparisonMatrix) => m.rows.filter((r) => r.crucial).map((r) => r.theme.id);

describe("comparing the demo cases", () => {
  it("puts themes in rows and cases in columns, each cell listing that case's lessons with kind and id", async () => {
    const { status, body } = await preview([succeeded, struggled]);
    expect(status).toBe(200);
    const m: ComparisonMatrix = body.comparison;
    expect(m.cases.map((c) => [c.id, c.outcome])).toEqual([
      [succeeded, "succeeded"],
      [struggled, "struggled"],
    ]);
    const access = m.rows.find((r) => r.theme.id === themeIds.access)!;
    expect(access.cells.map((c) => c.caseId)).toEqual([succeeded, struggled]);
    expect(access.cells[0].lessons.map((l) => l.kind)).toEqual(["success_factor"]);
    expect(access.cells[1].lessons).toEqual([
      expect.objectContaining({
        kind: "pitfall",
        text: "De dienstenwijzer raakte verouderd omdat niemand hem bijhield.",
      }),
    ]);
    const lessonRow = await t.themawerk.database.db
      .selectFrom("lessons")
      .select(["id", "document_id"])
      .where("id", "=", access.cells[1].lessons[0].id)
      .executeTakeFirstOrThrow();
    expect(lessonRow.document_id).toBe(struggled);
    // A theme with no lesson in either case is no row.
    const secondPillar = (
      await t.themawerk.database.db
        .selectFrom("themes")
        .select("id")
        .where("name", "=", "Tweede pijler van de werkwinkel")
        .executeTakeFirstOrThrow()
    ).id;
    expect(m.rows.some((r) => r.theme.id === secondPillar)).toBe(false);
  });

  it("marks the candidate crucial elements and sorts them first", async () => {
    const m: ComparisonMatrix = (await preview([succeeded, struggled])).body.comparison;
    // access: success factor vs pitfall; masterplan: do vs don't; recognition, reporting: do vs nothing.
    expect(new Set(crucialThemes(m))).toEqual(
      new Set([themeIds.access, themeIds.masterplan, themeIds.recognition, themeIds.reporting]),
    );
    // partnership (do vs do), development (pitfall vs nothing), small towns (nothing vs bottleneck) are not.
    for (const key of ["partnership", "development", "smallTowns"]) {
      expect(m.rows.find((r) => r.theme.id === themeIds[key])?.crucial).toBe(false);
    }
    const firstPlain = m.rows.findIndex((r) => !r.crucial);
    expect(firstPlain).toBe(4);
    expect(m.rows.slice(firstPlain).every((r) => !r.crucial)).toBe(true);
  });

  it("follows the case outcome: an ongoing case decides nothing", async () => {
    const patch = await t.request(`/api/documents/${struggled}`, {
      method: "PATCH",
      json: { outcome: "ongoing" },
      cookie: editor.cookie,
    });
    expect(patch.status).toBe(200);
    try {
      const m: ComparisonMatrix = (await preview([succeeded, struggled])).body.comparison;
      expect(crucialThemes(m)).toEqual([]);
    } finally {
      await t.request(`/api/documents/${struggled}`, {
        method: "PATCH",
        json: { outcome: "struggled" },
        cookie: editor.cookie,
      });
    }
  });

  it("keeps the columns in the order asked", async () => {
    const m: ComparisonMatrix = (await preview([struggled, succeeded])).body.comparison;
    expect(m.cases.map((c) => c.id)).toEqual([struggled, succeeded]);
    expect(crucialThemes(m)).toHaveLength(4);
  });

  it("refuses fewer than two cases, duplicates, non-case documents and strangers' cases", async () => {
    expect((await preview([succeeded])).status).toBe(400);
    expect((await preview([succeeded, succeeded])).status).toBe(400);
    const notCase = await preview([succeeded, problem]);
    expect(notCase.status).toBe(400);
    expect(notCase.body.error.code).toBe("validation_failed");
    expect((await preview([succeeded, struggled], outsider)).status).toBe(404);
    const bad = await t.request(`/api/workspaces/${workspaceId}/comparisons/preview`, {
      json: { caseIds: "x" },
      cookie: viewer.cookie,
    });
    expect(bad.status).toBe(400);
  });
});

describe("saved comparisons", () => {
  let saved: SavedComparison;

  it("saves a comparison under a name with a stable link inside the workspace", async () => {
    const res = await t.request(`/api/workspaces/${workspaceId}/comparisons`, {
      json: { name: "Geslaagd tegenover moeizaam", caseIds: [succeeded, struggled] },
      cookie: editor.cookie,
    });
    expect(res.status).toBe(201);
    saved = (await res.json()).comparison;
    expect(saved).toMatchObject({
      name: "Geslaagd tegenover moeizaam",
      caseIds: [succeeded, struggled],
      createdBy: { id: editor.id },
    });
    expect(saved.path).toBe(`/w/${workspaceId}/vergelijking/${saved.id}`);
    expect(crucialThemes(saved.matrix)).toHaveLength(4);
  });

  it("lists and opens it for every member; a viewer may not save or delete", async () => {
    const list = await (
      await t.request(`/api/workspaces/${workspaceId}/comparisons`, { cookie: viewer.cookie })
    ).json();
    expect(list.comparisons.map((c: { id: string }) => c.id)).toEqual([saved.id]);
    const got = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}`, {
      cookie: viewer.cookie,
    });
    expect(got.status).toBe(200);
    expect((await got.json()).comparison.matrix).toEqual(saved.matrix);
    const save = await t.request(`/api/workspaces/${workspaceId}/comparisons`, {
      json: { name: "x", caseIds: [succeeded, struggled] },
      cookie: viewer.cookie,
    });
    expect(save.status).toBe(403);
    const del = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}`, {
      method: "DELETE",
      cookie: viewer.cookie,
    });
    expect(del.status).toBe(403);
  });

  it("is not reachable from another workspace", async () => {
    const res = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}`, {
      cookie: outsider.cookie,
    });
    expect(res.status).toBe(404);
  });

  it("exports Markdown with the crucial rows first and marked", async () => {
    const res = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}/export.md`, {
      cookie: viewer.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(
      'attachment; filename="geslaagd-tegenover-moeizaam.md"',
    );
    const text = await res.text();
    const sections = text
      .split("\n")
      .filter((l) => l.startsWith("## "))
      .slice(1);
    expect(sections).toHaveLength(saved.matrix.rows.length);
    expect(sections.slice(0, 4).every((s) => s.endsWith("**Mogelijk cruciaal element**"))).toBe(true);
    expect(sections.slice(4).some((s) => s.includes("Kandidaat"))).toBe(false);
    expect(text).toContain("- **Valkuil:** De dienstenwijzer raakte verouderd omdat niemand hem bijhield.");
  });

  it("exports CSV: a header with the cases, one quoted row per theme", async () => {
    const res = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}/export.csv`, {
      cookie: viewer.cookie,
    });
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      "Thema",
      "Mogelijk cruciaal element",
      // The demo's titles end in their outcome already: it is not said twice.
      "Voorbeeldstad — Casus Voorbeeldstad (geslaagd)",
      "Voorbeeldgemeente — Casus Voorbeeldgemeente (moeizaam)",
    ]);
    expect(rows).toHaveLength(saved.matrix.rows.length + 1);
    const access = rows.find((r) => r[0] === themeNames.access)!;
    expect(access[1]).toBe("ja");
    expect(access[3]).toBe("Valkuil: De dienstenwijzer raakte verouderd omdat niemand hem bijhield.");
    const smallTowns = rows.find((r) => r[0] === themeNames.smallTowns)!;
    expect(smallTowns[2]).toBe("");
    expect(smallTowns[3].split("\n")).toHaveLength(3);
  });

  it("exports in English when the link asks for it, and in the reader's own language otherwise", async () => {
    const english = await t.request(
      `/api/workspaces/${workspaceId}/comparisons/${saved.id}/export.csv?lang=en`,
      { cookie: viewer.cookie },
    );
    const rows = parseCsv((await english.text()).replace(/^\uFEFF/, ""));
    expect(rows[0].slice(0, 2)).toEqual(["Theme", "Possibly crucial element"]);
    expect(rows[0][2]).toBe("Voorbeeldstad — Casus Voorbeeldstad (geslaagd) (succeeded)");
    expect(rows.find((r) => r[0] === themeNames.access)?.[1]).toBe("yes");
    expect(rows.find((r) => r[0] === themeNames.access)?.[3]).toBe(
      "Pitfall: De dienstenwijzer raakte verouderd omdat niemand hem bijhield.",
    );
    const markdown = await t.request(
      `/api/workspaces/${workspaceId}/comparisons/${saved.id}/export.md?lang=en`,
      {
        cookie: viewer.cookie,
      },
    );
    const text = await markdown.text();
    expect(text).toContain("## Cases");
    expect(text).not.toMatch(/Valkuil|Mogelijk cruciaal|Casussen/);
    // Without ?lang the reader's own language counts: Dutch for this viewer.
    const own = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}/export.md`, {
      cookie: viewer.cookie,
    });
    expect(await own.text()).toContain("## Casussen");
    // Anything else is not a language: the reader's own again.
    const odd = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}/export.md?lang=xx`, {
      cookie: viewer.cookie,
    });
    expect(await odd.text()).toContain("## Casussen");
  });

  it("deletes (an editor), after which the link answers 404", async () => {
    const del = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}`, {
      method: "DELETE",
      cookie: editor.cookie,
    });
    expect(del.status).toBe(204);
    const got = await t.request(`/api/workspaces/${workspaceId}/comparisons/${saved.id}`, {
      cookie: facilitator.cookie,
    });
    expect(got.status).toBe(404);
  });
});

/** An RFC 4180 reader for the test: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let field = "";
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (text[i] === '"') {
        i++;
        break;
      } else field += text[i++];
    }
    row.push(field);
    if (text[i] === ",") i++;
    else {
      expect(text.slice(i, i + 2)).toBe("\r\n");
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
