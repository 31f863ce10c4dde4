import { describe, expect, it } from "vitest";
import type { EvidenceRow } from "../recommendations/evidence.repo";
import { chapterLessonIds, compileHandbook } from "./compile-handbook";
import type { HandbookLessonRow } from "./handbook.repo";

const lesson = (id: string, kind: string, theme: string, doc = "d1"): HandbookLessonRow => ({
  id,
  kind,
  text: `tekst ${id}`,
  status: "validated",
  theme_id: theme,
  document_id: doc,
  document_title: `Casus ${doc}`,
  municipality: doc === "d1" ? "Stad" : null,
});

const evidence = (rec: string, id: string, doc: string, docKind = "case"): EvidenceRow => ({
  recommendation_id: rec,
  id,
  kind: "do",
  text: `bewijs ${id}`,
  status: "candidate",
  document_id: doc,
  document_title: `Doc ${doc}`,
  document_kind: docKind,
  municipality: null,
  outcome: null,
  themes: [],
});

describe("compileHandbook", () => {
  const handbook = compileHandbook({
    workspace: { name: "Regie", period: "2005–2006" },
    compiledAt: "2026-01-01T00:00:00.000Z",
    chapters: [
      { theme: { id: "t2", name: "Tweede" }, text: [{ type: "paragraph", text: "Inleiding twee" }] },
      { theme: { id: "t1", name: "Eerste" }, text: [] },
    ],
    lessons: [
      lesson("a", "success_factor", "t1"),
      lesson("b", "pitfall", "t2"),
      lesson("c", "do", "t2", "d2"),
      lesson("d", "bottleneck", "t2"),
      lesson("e", "dont", "t2"),
      lesson("f", "do", "t2"),
      lesson("a", "success_factor", "t2"),
    ],
    recommendations: [
      { id: "r1", title: "Aanbeveling", text: [] },
      { id: "r2", title: "Zonder bewijs", text: [] },
    ],
    evidence: [evidence("r1", "x", "d1"), evidence("r1", "y", "d1"), evidence("r1", "z", "d2", "problem")],
  });

  it("numbers chapters in the outline's order and keeps their text", () => {
    expect(handbook.title).toBe("Handboek — Regie");
    expect(handbook.chapters.map((c) => [c.number, c.theme.id])).toEqual([
      [1, "t2"],
      [2, "t1"],
    ]);
    expect(handbook.chapters[0].text).toEqual([{ type: "paragraph", text: "Inleiding twee" }]);
  });

  it("groups lessons by kind in the fixed order and leaves empty groups out", () => {
    const groups = handbook.chapters[0].groups;
    expect(groups.map((g) => g.kind)).toEqual(["do", "dont", "pitfall", "bottleneck", "success_factor"]);
    expect(groups[0].lessons.map((l) => l.id)).toEqual(["c", "f"]);
    expect(handbook.chapters[1].groups.map((g) => g.kind)).toEqual(["success_factor"]);
  });

  it("cites each lesson's document", () => {
    expect(handbook.chapters[1].groups[0].lessons[0].citation).toEqual({
      documentId: "d1",
      title: "Casus d1",
      municipality: "Stad",
    });
  });

  it("counts the cases and lessons behind each recommendation", () => {
    expect(handbook.recommendations[0].counts).toEqual({ cases: 1, lessons: 3 });
    expect(handbook.recommendations[1]).toMatchObject({ evidence: [], counts: { cases: 0, lessons: 0 } });
  });

  it("lists each chapter lesson once for marking", () => {
    expect(chapterLessonIds(handbook).sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});
