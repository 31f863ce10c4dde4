import { describe, expect, it } from "vitest";
import { PendingWrites } from "./pending-writes";

describe("pending writes", () => {
  it("keeps order and drops the oldest beyond the bound", async () => {
    const ran: string[] = [];
    const queue = new PendingWrites(2);
    const write = (label: string) => ({ label, run: async () => void ran.push(label) });
    expect(queue.push(write("a"))).toBe(true);
    expect(queue.push(write("b"))).toBe(true);
    expect(queue.push(write("c"))).toBe(false);
    expect(queue.dropped).toBe(1);
    while (queue.peek()) {
      await queue.peek()?.run();
      queue.done();
    }
    expect(ran).toEqual(["b", "c"]);
    expect(queue.size).toBe(0);
  });
});
