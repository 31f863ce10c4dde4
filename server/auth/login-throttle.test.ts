import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("LoginThrottle", () => {
  it("lets 5 failures through, then makes each attempt wait a growing delay", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(0);
      throttle.recordFailure("a@x.test", "ip");
    }
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(2);
    c.advance(2000);
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(0);
    throttle.recordFailure("a@x.test", "ip");
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(4);
    c.advance(4000);
    throttle.recordFailure("a@x.test", "ip");
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(8);
    // Another account from another address is not affected.
    expect(throttle.retryAfterSeconds("b@x.test", "ip2")).toBe(0);
  });

  it("caps the delay at 5 minutes", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now, ipFailuresPerWindow: 1000 });
    for (let i = 0; i < 20; i++) {
      throttle.recordFailure("a@x.test", "ip");
      c.advance(1000);
    }
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBeLessThanOrEqual(300);
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBeGreaterThan(290);
  });

  it("forgets an account's failures 15 minutes after the last one", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 6; i++) throttle.recordFailure("a@x.test", "ip");
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBeGreaterThan(0);
    c.advance(15 * 60_000);
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(0);
    throttle.recordFailure("a@x.test", "ip");
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(0);
  });

  it("clears the account on success", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 5; i++) throttle.recordFailure("a@x.test", "ip");
    throttle.recordSuccess("a@x.test", "ip");
    throttle.recordFailure("a@x.test", "ip");
    expect(throttle.retryAfterSeconds("a@x.test", "ip")).toBe(0);
  });

  it("refuses an IP after 30 failures until its 15-minute window ends", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 30; i++) throttle.recordFailure(`user${i}@x.test`, "10.0.0.1");
    expect(throttle.retryAfterSeconds("new@x.test", "10.0.0.1")).toBe(900);
    expect(throttle.retryAfterSeconds("new@x.test", "10.0.0.2")).toBe(0);
    c.advance(10 * 60_000);
    expect(throttle.retryAfterSeconds("new@x.test", "10.0.0.1")).toBe(300);
    c.advance(5 * 60_000);
    expect(throttle.retryAfterSeconds("new@x.test", "10.0.0.1")).toBe(0);
  });

  it("a success takes back the attempt counted for the IP", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now, ipFailuresPerWindow: 2 });
    throttle.recordFailure("a@x.test", "ip");
    throttle.recordFailure("b@x.test", "ip");
    throttle.recordSuccess("b@x.test", "ip");
    expect(throttle.retryAfterSeconds("c@x.test", "ip")).toBe(0);
  });
});
