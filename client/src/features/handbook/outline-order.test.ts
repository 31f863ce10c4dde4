import { describe, expect, it } from "vitest";
import { fileNameFrom } from "./download-file";
import { moveItem } from "./outline-order";

describe("moveItem", () => {
  it("swaps with the neighbour in the given direction", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
  });
  it("keeps the order at either end and never mutates the input", () => {
    const items = ["a", "b"] as const;
    expect(moveItem(items, 0, -1)).toEqual(["a", "b"]);
    expect(moveItem(items, 1, 1)).toEqual(["a", "b"]);
    expect(moveItem(items, 5, 1)).toEqual(["a", "b"]);
    expect(items).toEqual(["a", "b"]);
  });
});

describe("fileNameFrom", () => {
  it("reads the quoted file name of an attachment, else the fallback", () => {
    expect(fileNameFrom('attachment; filename="Handleiding.docx"', "x.docx")).toBe("Handleiding.docx");
    expect(fileNameFrom(null, "handboek.md")).toBe("handboek.md");
    expect(fileNameFrom("inline", "handboek.md")).toBe("handboek.md");
  });
});
