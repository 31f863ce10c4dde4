import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "../../server/auth/attempt-limiter";
import { AppError } from "../../server/errors";
import { InviteAcceptThrottle } from "../../server/modules/invites/invite-accept-throttle";
import { type CounterStoreFactory, clock } from "./login-throttle.cases";

/** The 429 an InviteAcceptThrottle throws, as its Retry-After seconds; 0 when the attempt was counted. */
async function inviteWait(begin: Promise<void>): Promise<number> {
  try {
    await begin;
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.status === 429) return error.details?.retryAfterSeconds ?? -1;
    throw error;
  }
}

/** The AttemptLimiter's (and the invitation throttle's) behaviour, wherever the counts are kept. */
export function attemptLimiterCases(makeStore: CounterStoreFactory): void {
  describe("AttemptLimiter", () => {
    it("allows `limit` attempts per window, then refuses until the window ends", async () => {
      const c = clock();
      const limiter = new AttemptLimiter({
        name: "t",
        limit: 3,
        windowMs: 60_000,
        now: c.now,
        store: makeStore(),
      });
      for (let i = 0; i < 3; i++) expect(await limiter.attempt("k")).toBe(0);
      expect(await limiter.attempt("k")).toBe(60);
      expect(await limiter.attempt("other")).toBe(0);
      c.advance(45_000);
      expect(await limiter.attempt("k")).toBe(15);
      c.advance(15_000);
      expect(await limiter.attempt("k")).toBe(0);
    });

    it("takes back an attempt that was given back", async () => {
      const limiter = new AttemptLimiter({
        name: "t",
        limit: 1,
        windowMs: 60_000,
        now: clock().now,
        store: makeStore(),
      });
      expect(await limiter.attempt("k")).toBe(0);
      await limiter.giveBack("k");
      expect(await limiter.attempt("k")).toBe(0);
      expect(await limiter.attempt("k")).toBe(60);
    });

    it("counts a burst when it begins, so it gets only `limit` attempts", async () => {
      const limiter = new AttemptLimiter({
        name: "t",
        limit: 4,
        windowMs: 60_000,
        now: clock().now,
        store: makeStore(),
      });
      const waits = await Promise.all(Array.from({ length: 20 }, () => limiter.attempt("k")));
      expect(waits.filter((w) => w === 0)).toHaveLength(4);
    });

    it("limiters on one store keep their keys apart by name", async () => {
      const store = makeStore();
      const now = clock().now;
      const a = new AttemptLimiter({ name: "a", limit: 1, windowMs: 60_000, now, store });
      const b = new AttemptLimiter({ name: "b", limit: 1, windowMs: 60_000, now, store });
      expect(await a.attempt("k")).toBe(0);
      expect(await b.attempt("k")).toBe(0);
      expect(await a.attempt("k")).toBe(60);
    });

    it("attemptEach counts with every limiter, or with none when one is full", async () => {
      const c = clock();
      const store = makeStore();
      const perInvite = new AttemptLimiter({ name: "i", limit: 1, windowMs: 60_000, now: c.now, store });
      const perAddress = new AttemptLimiter({ name: "a", limit: 3, windowMs: 120_000, now: c.now, store });
      expect(
        await AttemptLimiter.attemptEach([
          [perInvite, "x"],
          [perAddress, "ip"],
        ]),
      ).toBe(0);
      // The invitation is full: refused, and the address's count is left alone.
      for (let i = 0; i < 3; i++) {
        expect(
          await AttemptLimiter.attemptEach([
            [perInvite, "x"],
            [perAddress, "ip"],
          ]),
        ).toBe(60);
      }
      expect(await perAddress.attempt("ip")).toBe(0);
      expect(await perAddress.attempt("ip")).toBe(0);
      c.advance(30_000);
      // Both full: the wait is the longer one.
      expect(
        await AttemptLimiter.attemptEach([
          [perInvite, "x"],
          [perAddress, "ip"],
        ]),
      ).toBe(90);
    });

    it("attemptEach refuses limiters on different stores", async () => {
      const a = new AttemptLimiter({ name: "a", limit: 1, windowMs: 1000, store: makeStore() });
      const b = new AttemptLimiter({ name: "b", limit: 1, windowMs: 1000, store: makeStore() });
      await expect(
        AttemptLimiter.attemptEach([
          [a, "k"],
          [b, "k"],
        ]),
      ).rejects.toThrow(/share one store/);
    });
  });

  describe("InviteAcceptThrottle", () => {
    it("allows 5 attempts per invitation and 20 per address in 15 minutes, counting nothing it refuses", async () => {
      const c = clock();
      const throttle = new InviteAcceptThrottle({ now: c.now, store: makeStore() });
      const first = await Promise.all(
        Array.from({ length: 8 }, () => inviteWait(throttle.begin("inv1", "ip"))),
      );
      expect(first.filter((w) => w === 0)).toHaveLength(5);
      expect(first.filter((w) => w === 900)).toHaveLength(3);
      // The 3 refusals were not counted for the address: 15 more invitations get in, then it is full.
      for (let i = 0; i < 15; i++) expect(await inviteWait(throttle.begin(`inv-${i}`, "ip"))).toBe(0);
      expect(await inviteWait(throttle.begin("inv-last", "ip"))).toBe(900);
      // A created account is taken back for the address.
      await throttle.succeeded("ip");
      expect(await inviteWait(throttle.begin("inv-last", "ip"))).toBe(0);
      c.advance(15 * 60_000);
      expect(await inviteWait(throttle.begin("inv1", "ip"))).toBe(0);
    });
  });
}
