import { describe, expect, it } from "vitest";
import { type LoginAttempt, LoginThrottle } from "./login-throttle";

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** Seconds the account must wait, or 0 when an attempt goes ahead (and is then counted as failed). */
const fail = (throttle: LoginThrottle, account: string, ip: string): number => {
  const attempt = throttle.begin(account, ip);
  return attempt.allowed ? 0 : attempt.retryAfterSeconds;
};
const allowed = (attempt: LoginAttempt) => {
  if (!attempt.allowed) throw new Error(`refused for ${attempt.retryAfterSeconds} s`);
  return attempt;
};

describe("LoginThrottle, per account", () => {
  it("lets 5 failures through, then makes each attempt wait a growing delay", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 5; i++) expect(fail(throttle, "a@x.test", "ip")).toBe(0);
    expect(fail(throttle, "a@x.test", "ip")).toBe(2);
    c.advance(2000);
    expect(fail(throttle, "a@x.test", "ip")).toBe(0);
    expect(fail(throttle, "a@x.test", "ip")).toBe(4);
    c.advance(4000);
    expect(fail(throttle, "a@x.test", "ip")).toBe(0);
    expect(fail(throttle, "a@x.test", "ip")).toBe(8);
    // Another account from another address is not affected.
    expect(fail(throttle, "b@x.test", "ip2")).toBe(0);
  });

  it("counts an attempt when it begins, so a burst gets only the free attempts", () => {
    const throttle = new LoginThrottle({ now: clock().now });
    const burst = Array.from({ length: 30 }, () => throttle.begin("a@x.test", "ip"));
    expect(burst.filter((a) => a.allowed)).toHaveLength(5);
    expect(burst.filter((a) => !a.allowed)).toHaveLength(25);
  });

  it("caps the delay at 5 minutes", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now, ipFailuresPerWindow: 1000 });
    for (let i = 0; i < 20; i++) {
      throttle.begin("a@x.test", "ip");
      c.advance(300_000);
    }
    throttle.begin("a@x.test", "ip");
    const wait = fail(throttle, "a@x.test", "ip");
    expect(wait).toBeLessThanOrEqual(300);
    expect(wait).toBeGreaterThan(290);
  });

  it("forgets an account's failures 15 minutes after the last one", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 5; i++) throttle.begin("a@x.test", "ip");
    expect(fail(throttle, "a@x.test", "ip")).toBeGreaterThan(0);
    c.advance(15 * 60_000);
    for (let i = 0; i < 5; i++) expect(fail(throttle, "a@x.test", "ip")).toBe(0);
  });

  it("clears the account on success", () => {
    const throttle = new LoginThrottle({ now: clock().now });
    for (let i = 0; i < 4; i++) throttle.begin("a@x.test", "ip");
    allowed(throttle.begin("a@x.test", "ip"));
    throttle.recordSuccess("a@x.test", "ip");
    for (let i = 0; i < 5; i++) expect(fail(throttle, "a@x.test", "ip")).toBe(0);
  });
});

describe("LoginThrottle, per client address", () => {
  it("after 30 failures slows the address down instead of refusing it: one check per second", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 30; i++) {
      expect(allowed(throttle.begin(`user${i}@x.test`, "10.0.0.1"))).toMatchObject({
        waitMs: 0,
        slowed: false,
      });
    }
    // Attempts that arrive together queue for their turn, a second apart.
    const queued = [0, 1, 2].map((i) => allowed(throttle.begin(`late${i}@x.test`, "10.0.0.1")));
    expect(queued.map((a) => a.waitMs)).toEqual([0, 1000, 2000]);
    expect(queued.every((a) => a.slowed && a.retryAfterSeconds >= 1)).toBe(true);
    // Another address is not affected.
    expect(allowed(throttle.begin("new@x.test", "10.0.0.2"))).toMatchObject({ waitMs: 0, slowed: false });
  });

  it("refuses, unchecked, attempts that would queue more than 5 seconds ahead", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 30; i++) throttle.begin(`user${i}@x.test`, "ip");
    const burst = Array.from({ length: 20 }, (_, i) => throttle.begin(`burst${i}@x.test`, "ip"));
    expect(burst.filter((a) => a.allowed)).toHaveLength(6);
    const refused = burst.find((a) => !a.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 6 });
    // Once the queue has drained, the next attempt is checked again (slowly), never locked out.
    c.advance(6000);
    expect(allowed(throttle.begin("later@x.test", "ip"))).toMatchObject({ waitMs: 0, slowed: true });
  });

  it("a locked account is refused before it takes a turn of the slowed address", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 5; i++) throttle.begin("victim@x.test", "ip");
    for (let i = 0; i < 25; i++) throttle.begin(`user${i}@x.test`, "ip");
    expect(throttle.begin("victim@x.test", "ip")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(allowed(throttle.begin("other@x.test", "ip")).waitMs).toBe(0);
  });

  it("forgets the address's failures when its 15-minute window ends", () => {
    const c = clock();
    const throttle = new LoginThrottle({ now: c.now });
    for (let i = 0; i < 31; i++) throttle.begin(`user${i}@x.test`, "10.0.0.1");
    c.advance(10 * 60_000);
    expect(allowed(throttle.begin("new@x.test", "10.0.0.1")).slowed).toBe(true);
    c.advance(5 * 60_000);
    expect(allowed(throttle.begin("new2@x.test", "10.0.0.1")).slowed).toBe(false);
  });

  it("a success takes back the attempt counted for the address", () => {
    const throttle = new LoginThrottle({ now: clock().now, ipFailuresPerWindow: 2 });
    throttle.begin("a@x.test", "ip");
    throttle.begin("b@x.test", "ip");
    throttle.recordSuccess("b@x.test", "ip");
    expect(allowed(throttle.begin("c@x.test", "ip")).slowed).toBe(false);
    expect(allowed(throttle.begin("d@x.test", "ip")).slowed).toBe(true);
  });
});
