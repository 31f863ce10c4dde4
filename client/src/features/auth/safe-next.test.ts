import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNext("/w/abc123de/d/xyz98765?x=1")).toBe("/w/abc123de/d/xyz98765?x=1");
  });

  it("refuses anything that could leave the site", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(safeNext(next)).toBe("/");
    }
    expect(safeNext(null)).toBe("/");
  });
});
