import { describe, expect, it } from "vitest";
import { extractLessons } from "./extract-lessons";

const para = (text: string) => ({ type: "paragraph", children: [{ type: "text", text }] });
const lesson = (lessonId: string, kind: string, themes: unknown, ...texts: string[]) => ({
  type: "lesson",
  lessonId,
  kind,
  themes,
  children: texts.map((text) => ({ type: "text", text })),
});

describe("extractLessons", () => {
  it("finds lesson blocks in order, with their kind, themes and text", () => {
    const state = {
      root: {
        type: "root",
        children: [
          para("Inleiding"),
          lesson("lesson-aaa111", "pitfall", ["t1", "t2"], "Geen ", "dienstenwijzer"),
          { type: "quote", children: [lesson("lesson-bbb222", "do", [], "Betrek de werkwinkel")] },
        ],
      },
    };
    expect(extractLessons(state)).toEqual([
      { id: "lesson-aaa111", kind: "pitfall", themeIds: ["t1", "t2"], text: "Geen dienstenwijzer", position: 0 },
      { id: "lesson-bbb222", kind: "do", themeIds: [], text: "Betrek de werkwinkel", position: 1 },
    ]);
  });

  it("keeps the first of two blocks with the same id and skips malformed ones", () => {
    const state = {
      root: {
        children: [
          lesson("lesson-same01", "do", ["t1"], "eerste"),
          lesson("lesson-same01", "dont", [], "kopie"),
          lesson("x", "do", [], "te kort id"),
          lesson("lesson-kind01", "maybe", [], "onbekende soort"),
          lesson("lesson-theme1", "dont", "t1", "thema's geen lijst"),
        ],
      },
    };
    const found = extractLessons(state);
    expect(found.map((l) => [l.id, l.text])).toEqual([
      ["lesson-same01", "eerste"],
      ["lesson-theme1", "thema's geen lijst"],
    ]);
    expect(found[1].themeIds).toEqual([]);
  });

  it("answers an empty list for an empty or malformed state", () => {
    expect(extractLessons(null)).toEqual([]);
    expect(extractLessons({})).toEqual([]);
    expect(extractLessons({ root: { children: "nope" } })).toEqual([]);
  });
});
