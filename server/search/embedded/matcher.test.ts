import { describe, expect, it } from "vitest";
import { topK } from "./matcher";

describe("topK", () => {
  it("returns the best items in order, like a full sort", () => {
    const items = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5003);
    const byValue = (a: number, b: number) => a - b;
    expect(topK(items, 25, byValue)).toEqual([...items].sort(byValue).slice(0, 25));
    expect(topK(items.slice(0, 10), 25, byValue)).toEqual(items.slice(0, 10).sort(byValue));
    expect(topK(items, 0, byValue)).toEqual([]);
  });
});
