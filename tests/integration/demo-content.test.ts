import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DEMO: "1" });
});
afterAll(async () => {
  await t.close();
});

describe("demo content on first start", () => {
  it("has a case that succeeded, one that struggled and a problem statement, marked as illustrative", async () => {
    const db = t.themawerk.database.db;
    const docs = await db.selectFrom("documents").selectAll().execute();
    const cases = docs.filter((d) => d.kind === "case");
    expect(cases.map((c) => c.outcome).sort()).toEqual(["struggled", "succeeded"]);
    expect(cases.map((c) => c.is_centre_city).sort()).toEqual([0, 1]);
    expect(docs.some((d) => d.kind === "problem")).toBe(true);
    for (const doc of docs.filter((d) => d.kind !== "note")) {
      expect(doc.plain_text).toMatch(/^Illustratief voorbeeld/);
    }
  });

  it("has the founding themes and lessons of several kinds across several themes", async () => {
    const db = t.themawerk.database.db;
    const themes = await db.selectFrom("themes").select("name").execute();
    expect(themes.map((x) => x.name)).toContain("Lokaal aanbod ontsluiten (virtueel loket, dienstenwijzer)");
    expect(themes.length).toBeGreaterThanOrEqual(7);
    const lessons = await db.selectFrom("lessons").selectAll().where("deleted_at", "is", null).execute();
    expect(new Set(lessons.map((l) => l.kind)).size).toBe(5);
    const used = await db.selectFrom("lesson_themes").select("theme_id").distinct().execute();
    expect(used.length).toBeGreaterThanOrEqual(5);
    const perDocument = new Map<string, number>();
    for (const l of lessons) perDocument.set(l.document_id, (perDocument.get(l.document_id) ?? 0) + 1);
    expect([...perDocument.values()].every((n) => n >= 2)).toBe(true);
    expect(perDocument.size).toBe(3);
  });
});
