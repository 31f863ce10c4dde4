import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "./attempt-limiter";

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("AttemptLimiter", () => {
  it("allows `limit` attempts per window, then refuses until the window ends", () => {
    const c = clock();
    const limiter = new AttemptLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds("k")).toBe(0);
      limiter.count("k");
    }
    expect(limiter.retryAfterSeconds("k")).toBe(60);
    expect(limiter.retryAfterSeconds("other")).toBe(0);
    c.advance(45_000);
    expect(limiter.retryAfterSeconds("k")).toBe(15);
    c.advance(15_000);
    expect(limiter.retryAfterSeconds("k")).toBe(0);
  });

  it("takes back an attempt that was given back", () => {
    const limiter = new AttemptLimiter({ limit: 1, windowMs: 60_000, now: clock().now });
    limiter.count("k");
    limiter.giveBack("k");
    expect(limiter.retryAfterSeconds("k")).toBe(0);
  });
});
