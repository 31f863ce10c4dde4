import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "../../server/auth/attempt-limiter";
import type { CounterStore, LoginDecision } from "../../server/auth/counter-store";
import { defaultThrottleOptions, LoginThrottle } from "../../server/auth/login-throttle";
import { AppError } from "../../server/errors";
import { throttledPasswordCheck } from "../../server/modules/auth/throttled-check";
import { clock } from "./login-throttle.cases";

export interface CounterStoreHarness {
  /** A fresh, empty store. */
  store(): CounterStore;
  /** Two stores over one fresh state, as two instances see it (for Redis: two connections). */
  instances(): [CounterStore, CounterStore];
}

const rules = { ...defaultThrottleOptions };
const window = (key: string, limit = 2, windowMs = 10_000) => ({ key, limit, windowMs });
const allowedCount = (decisions: LoginDecision[]) => decisions.filter((d) => d.allowed).length;

/**
 * The CounterStore contract: every adapter registers these tests with its own harness (like
 * tests/search/search-index.contract.ts); the limiters' own cases (login-throttle.cases.ts,
 * attempt-limiter.cases.ts) run on each adapter too.
 */
export function counterStoreContract(harness: CounterStoreHarness): void {
  describe("fixed windows", () => {
    it("counts up to the limit, then answers the ms until the window ends and counts nothing", async () => {
      const store = harness.store();
      expect(await store.countAttempt([window("k")], 1000)).toBe(0);
      expect(await store.countAttempt([window("k")], 4000)).toBe(0);
      expect(await store.countAttempt([window("k")], 5000)).toBe(6000);
      expect(await store.countAttempt([window("k")], 10_999)).toBe(1);
      // The window runs from its first attempt: at 11 000 it has ended.
      expect(await store.countAttempt([window("k")], 11_000)).toBe(0);
      expect(await store.countAttempt([window("k")], 11_001)).toBe(0);
      expect(await store.countAttempt([window("k")], 11_002)).toBe(10_000 - 2);
    });

    it("counts in every window or in none, and answers the longest wait", async () => {
      const store = harness.store();
      expect(await store.countAttempt([window("a", 1, 5000)], 0)).toBe(0);
      expect(await store.countAttempt([window("a", 1, 5000), window("b", 1, 8000)], 1000)).toBe(4000);
      expect(await store.countAttempt([window("b", 1, 8000)], 1000)).toBe(0);
      expect(await store.countAttempt([window("a", 1, 5000), window("b", 1, 8000)], 2000)).toBe(7000);
      expect(await store.countAttempt([], 2000)).toBe(0);
    });

    it("gives an attempt back, never below zero, and ignores unknown keys", async () => {
      const store = harness.store();
      await store.giveBack("unknown");
      expect(await store.countAttempt([window("k")], 0)).toBe(0);
      await store.giveBack("k");
      await store.giveBack("k");
      expect(await store.countAttempt([window("k")], 0)).toBe(0);
      expect(await store.countAttempt([window("k")], 0)).toBe(0);
      expect(await store.countAttempt([window("k")], 0)).toBe(10_000);
    });

    it("keeps keys apart", async () => {
      const store = harness.store();
      expect(await store.countAttempt([window("k", 1)], 0)).toBe(0);
      expect(await store.countAttempt([window("k2", 1)], 0)).toBe(0);
      expect(await store.countAttempt([window("k", 1)], 0)).toBe(10_000);
    });
  });

  describe("logins", () => {
    it("a refused attempt counts nothing: the lock ends when the last counted failure says", async () => {
      const store = harness.store();
      for (let i = 0; i < 5; i++) expect((await store.beginLogin("acc", "ip", rules, 0)).allowed).toBe(true);
      expect(await store.beginLogin("acc", "ip", rules, 1000)).toEqual({
        allowed: false,
        retryAfterMs: 1000,
      });
      expect(await store.beginLogin("acc", "ip", rules, 1500)).toEqual({ allowed: false, retryAfterMs: 500 });
      expect((await store.beginLogin("acc", "ip", rules, 2000)).allowed).toBe(true);
    });

    it("a success forgets the account and takes one back from the address", async () => {
      const store = harness.store();
      const slowSoon = { ...rules, ipFailuresPerWindow: 2 };
      await store.beginLogin("a", "ip", slowSoon, 0);
      await store.beginLogin("b", "ip", slowSoon, 0);
      await store.endLoginWithSuccess("b", "ip");
      await store.endLoginWithSuccess("never-seen", "unknown-ip");
      expect(await store.beginLogin("c", "ip", slowSoon, 0)).toEqual({
        allowed: true,
        waitMs: 0,
        slowed: false,
        retryAfterMs: 0,
      });
      expect(await store.beginLogin("d", "ip", slowSoon, 0)).toEqual({
        allowed: true,
        waitMs: 0,
        slowed: true,
        retryAfterMs: 1000,
      });
    });
  });

  describe("two instances on one state", () => {
    it("see each other's counts", async () => {
      const [a, b] = harness.instances();
      expect(await a.countAttempt([window("k", 1)], 0)).toBe(0);
      expect(await b.countAttempt([window("k", 1)], 0)).toBe(10_000);
      await b.giveBack("k");
      expect(await a.countAttempt([window("k", 1)], 0)).toBe(0);
    });

    it("a parallel burst through both gets no more password checks than the account allows", async () => {
      const [a, b] = harness.instances();
      const now = clock().now;
      const throttles = [new LoginThrottle({ store: a, now }), new LoginThrottle({ store: b, now })];
      let checks = 0;
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          // A new address each time, so only the account's limit applies (no slowdown waits).
          throttledPasswordCheck(throttles[i % 2], "victim@x.test", `10.1.0.${i}`, async () => {
            checks++;
            await new Promise((resolve) => setTimeout(resolve, 5));
            return false;
          }),
        ),
      );
      expect(checks).toBe(defaultThrottleOptions.freeAccountFailures);
      expect(results.filter((r) => r.status === "fulfilled" && r.value === false)).toHaveLength(5);
      const refused = results.filter(
        (r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.status === 429,
      );
      expect(refused).toHaveLength(35);
    });

    it("a slowed address's turns are handed out once across both, a second apart", async () => {
      const [a, b] = harness.instances();
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).beginLogin(`acc${i}`, "addr", rules, 0)),
      );
      // 30 free failures, then the queue: turns at 0 … 5 s, one each; the rest refused unchecked.
      expect(allowedCount(burst)).toBe(36);
      const turns = burst.flatMap((d) => (d.allowed && d.slowed ? [d.waitMs] : []));
      expect(turns.sort((x, y) => x - y)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    });

    it("a burst of invitation attempts through both counts no more than the limits", async () => {
      const [a, b] = harness.instances();
      const now = clock().now;
      const limiters = [a, b].map((store) => ({
        invite: new AttemptLimiter({ name: "invite", limit: 5, windowMs: 60_000, now, store }),
        address: new AttemptLimiter({ name: "address", limit: 12, windowMs: 60_000, now, store }),
      }));
      const waits = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const { invite, address } = limiters[i % 2];
          return AttemptLimiter.attemptEach([
            [invite, `inv${i % 4}`],
            [address, "ip"],
          ]);
        }),
      );
      // 4 invitations of 5 would allow 20, the address 12: exactly 12 get through.
      expect(waits.filter((w) => w === 0)).toHaveLength(12);
      expect(waits.filter((w) => w === 60)).toHaveLength(28);
    });
  });
}
