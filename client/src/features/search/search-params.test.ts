import { describe, expect, it } from "vitest";
import {
  clearFilters,
  hitHref,
  isEmptySearch,
  readSearchState,
  searchApiQuery,
  searchPageHref,
  toggleFilter,
} from "./search-params";

describe("search params", () => {
  it("reads words and repeated or comma-separated filters, ignoring unknown keys and duplicates", () => {
    const state = readSearchState(
      new URLSearchParams("q=+dienstenwijzer+&theme=a&theme=b,a&lessonKind=pitfall&les=x&outcome="),
    );
    expect(state).toEqual({ q: "dienstenwijzer", filters: { theme: ["a", "b"], lessonKind: ["pitfall"] } });
    expect(isEmptySearch(state)).toBe(false);
    expect(isEmptySearch(readSearchState(new URLSearchParams("les=x")))).toBe(true);
  });

  it("builds the API query in a stable order with facets and limit", () => {
    const a = searchApiQuery(
      { q: "wijzer", filters: { theme: ["b", "a"], lessonKind: ["pitfall"] } },
      { limit: 8, facets: ["lessonKind", "theme"] },
    );
    const b = searchApiQuery(
      { q: "wijzer", filters: { lessonKind: ["pitfall"], theme: ["a", "b"] } },
      { limit: 8, facets: ["lessonKind", "theme"] },
    );
    expect(a).toBe(b);
    expect(a).toBe("q=wijzer&lessonKind=pitfall&theme=a&theme=b&facets=lessonKind%2Ctheme&limit=8");
    expect(searchApiQuery({ q: "", filters: {} }, { limit: 5 })).toBe("limit=5");
  });

  it("toggles one facet value on and off and clears filters while keeping the words", () => {
    const on = toggleFilter(new URLSearchParams("q=plan&theme=a"), "theme", "b");
    expect(on.getAll("theme")).toEqual(["a", "b"]);
    const off = toggleFilter(on, "theme", "a");
    expect(off.getAll("theme")).toEqual(["b"]);
    expect(off.get("q")).toBe("plan");
    const cleared = clearFilters(new URLSearchParams("q=plan&theme=a&outcome=struggled"));
    expect(cleared.toString()).toBe("q=plan");
  });

  it("opens a lesson at its block and a document at its top", () => {
    expect(hitHref("w1", { type: "lesson", id: "l 1", documentId: "d1" })).toBe("/w/w1/d/d1?les=l%201");
    expect(hitHref("w1", { type: "document", id: "d1", documentId: "d1" })).toBe("/w/w1/d/d1");
    expect(searchPageHref("w1", "één plan")).toBe("/w/w1/zoeken?q=%C3%A9%C3%A9n%20plan");
  });
});
