import { describe, expect, it } from "vitest";
import type { CounterStore } from "../../server/auth/counter-store";
import {
  type LoginAttempt,
  LoginThrottle,
  type LoginThrottleOptions,
} from "../../server/auth/login-throttle";

/** Makes a fresh, empty store. */
export type CounterStoreFactory = () => CounterStore;

export function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** Seconds the account must wait, or 0 when an attempt goes ahead (and is then counted as failed). */
const fail = async (throttle: LoginThrottle, account: string, ip: string): Promise<number> => {
  const attempt = await throttle.begin(account, ip);
  return attempt.allowed ? 0 : attempt.retryAfterSeconds;
};
const allowed = (attempt: LoginAttempt) => {
  if (!attempt.allowed) throw new Error(`refused for ${attempt.retryAfterSeconds} s`);
  return attempt;
};
/** `count` attempts begun at once (not one after the other). */
const burst = (count: number, begin: (i: number) => Promise<LoginAttempt>) =>
  Promise.all(Array.from({ length: count }, (_, i) => begin(i)));

/** The LoginThrottle's behaviour, which must not depend on where its counts are kept. */
export function loginThrottleCases(makeStore: CounterStoreFactory): void {
  const throttleOn = (options: Partial<LoginThrottleOptions>) =>
    new LoginThrottle({ ...options, store: makeStore() });

  describe("LoginThrottle, per account", () => {
    it("lets 5 failures through, then makes each attempt wait a growing delay", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now });
      for (let i = 0; i < 5; i++) expect(await fail(throttle, "a@x.test", "ip")).toBe(0);
      expect(await fail(throttle, "a@x.test", "ip")).toBe(2);
      c.advance(2000);
      expect(await fail(throttle, "a@x.test", "ip")).toBe(0);
      expect(await fail(throttle, "a@x.test", "ip")).toBe(4);
      c.advance(4000);
      expect(await fail(throttle, "a@x.test", "ip")).toBe(0);
      expect(await fail(throttle, "a@x.test", "ip")).toBe(8);
      // Another account from another address is not affected.
      expect(await fail(throttle, "b@x.test", "ip2")).toBe(0);
    });

    it("counts an attempt when it begins, so a burst gets only the free attempts", async () => {
      const throttle = throttleOn({ now: clock().now });
      const attempts = await burst(30, () => throttle.begin("a@x.test", "ip"));
      expect(attempts.filter((a) => a.allowed)).toHaveLength(5);
      expect(attempts.filter((a) => !a.allowed)).toHaveLength(25);
    });

    it("caps the delay at 5 minutes", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now, ipFailuresPerWindow: 1000 });
      for (let i = 0; i < 20; i++) {
        await throttle.begin("a@x.test", "ip");
        c.advance(300_000);
      }
      await throttle.begin("a@x.test", "ip");
      const wait = await fail(throttle, "a@x.test", "ip");
      expect(wait).toBeLessThanOrEqual(300);
      expect(wait).toBeGreaterThan(290);
    });

    it("forgets an account's failures 15 minutes after the last one", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now });
      for (let i = 0; i < 5; i++) await throttle.begin("a@x.test", "ip");
      expect(await fail(throttle, "a@x.test", "ip")).toBeGreaterThan(0);
      c.advance(15 * 60_000);
      for (let i = 0; i < 5; i++) expect(await fail(throttle, "a@x.test", "ip")).toBe(0);
    });

    it("clears the account on success", async () => {
      const throttle = throttleOn({ now: clock().now });
      for (let i = 0; i < 4; i++) await throttle.begin("a@x.test", "ip");
      allowed(await throttle.begin("a@x.test", "ip"));
      await throttle.recordSuccess("a@x.test", "ip");
      for (let i = 0; i < 5; i++) expect(await fail(throttle, "a@x.test", "ip")).toBe(0);
    });
  });

  describe("LoginThrottle, per client address", () => {
    it("after 30 failures slows the address down instead of refusing it: one check per second", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now });
      for (let i = 0; i < 30; i++) {
        expect(allowed(await throttle.begin(`user${i}@x.test`, "10.0.0.1"))).toMatchObject({
          waitMs: 0,
          slowed: false,
        });
      }
      // Attempts that arrive together queue for their turn, a second apart.
      const queued = (await burst(3, (i) => throttle.begin(`late${i}@x.test`, "10.0.0.1"))).map(allowed);
      expect(queued.map((a) => a.waitMs)).toEqual([0, 1000, 2000]);
      expect(queued.every((a) => a.slowed && a.retryAfterSeconds >= 1)).toBe(true);
      // Another address is not affected.
      expect(allowed(await throttle.begin("new@x.test", "10.0.0.2"))).toMatchObject({
        waitMs: 0,
        slowed: false,
      });
    });

    it("refuses, unchecked, attempts that would queue more than 5 seconds ahead", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now });
      for (let i = 0; i < 30; i++) await throttle.begin(`user${i}@x.test`, "ip");
      const attempts = await burst(20, (i) => throttle.begin(`burst${i}@x.test`, "ip"));
      expect(attempts.filter((a) => a.allowed)).toHaveLength(6);
      const refused = attempts.find((a) => !a.allowed);
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: 6 });
      // Once the queue has drained, the next attempt is checked again (slowly), never locked out.
      c.advance(6000);
      expect(allowed(await throttle.begin("later@x.test", "ip"))).toMatchObject({ waitMs: 0, slowed: true });
    });

    it("a locked account is refused before it takes a turn of the slowed address", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now });
      for (let i = 0; i < 5; i++) await throttle.begin("victim@x.test", "ip");
      for (let i = 0; i < 25; i++) await throttle.begin(`user${i}@x.test`, "ip");
      expect(await throttle.begin("victim@x.test", "ip")).toEqual({ allowed: false, retryAfterSeconds: 2 });
      expect(allowed(await throttle.begin("other@x.test", "ip")).waitMs).toBe(0);
    });

    it("forgets the address's failures when its 15-minute window ends", async () => {
      const c = clock();
      const throttle = throttleOn({ now: c.now });
      for (let i = 0; i < 31; i++) await throttle.begin(`user${i}@x.test`, "10.0.0.1");
      c.advance(10 * 60_000);
      expect(allowed(await throttle.begin("new@x.test", "10.0.0.1")).slowed).toBe(true);
      c.advance(5 * 60_000);
      expect(allowed(await throttle.begin("new2@x.test", "10.0.0.1")).slowed).toBe(false);
    });

    it("a success takes back the attempt counted for the address", async () => {
      const throttle = throttleOn({ now: clock().now, ipFailuresPerWindow: 2 });
      await throttle.begin("a@x.test", "ip");
      await throttle.begin("b@x.test", "ip");
      await throttle.recordSuccess("b@x.test", "ip");
      expect(allowed(await throttle.begin("c@x.test", "ip")).slowed).toBe(false);
      expect(allowed(await throttle.begin("d@x.test", "ip")).slowed).toBe(true);
    });
  });
}
