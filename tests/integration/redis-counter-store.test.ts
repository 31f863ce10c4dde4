import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTER_KEYS, createCounterStore } from "../../server/auth/create-counter-store";
import { defaultThrottleOptions, LoginThrottle } from "../../server/auth/login-throttle";
import { MemoryCounterStore } from "../../server/auth/memory-counter-store";
import { RedisCounterStore, TTL_GRACE_MS } from "../../server/auth/redis-counter-store";
import { throttledPasswordCheck } from "../../server/modules/auth/throttled-check";
import {
  connectTestRedis,
  deleteKeysUnder,
  keysUnder,
  TEST_REDIS_URL,
  testRedisPrefix,
} from "../helpers/redis-test-client";
import { freePort } from "../helpers/spawn-server";
import { attemptLimiterCases } from "../limits/attempt-limiter.cases";
import { counterStoreContract } from "../limits/counter-store.contract";
import { loginThrottleCases } from "../limits/login-throttle.cases";

// Two clients are two instances: separate connections, so their scripts really interleave in Redis.
const prefix = testRedisPrefix("counters");
let one: Redis;
let two: Redis;
let stores = 0;
/** A prefix of its own per store, so every test starts from an empty state. */
const freshPrefix = () => `${prefix}${++stores}:`;

beforeAll(async () => {
  one = await connectTestRedis();
  two = await connectTestRedis();
});
afterAll(async () => {
  if (one) {
    await deleteKeysUnder(one, prefix);
    expect(await keysUnder(one, prefix)).toEqual([]);
  }
  one?.disconnect();
  two?.disconnect();
});

describe(`RedisCounterStore (${TEST_REDIS_URL})`, () => {
  const store = () => new RedisCounterStore(one, freshPrefix());
  counterStoreContract({
    store,
    instances: () => {
      const shared = freshPrefix();
      return [new RedisCounterStore(one, shared), new RedisCounterStore(two, shared)];
    },
  });
  loginThrottleCases(store);
  attemptLimiterCases(store);

  it("gives every key it writes a TTL, which a give-back or a success leaves in place", async () => {
    const p = freshPrefix();
    const s = new RedisCounterStore(one, p);
    const now = Date.now();
    await s.beginLogin("login:account:a", "login:address:ip", defaultThrottleOptions, now);
    await s.countAttempt([{ key: "w", limit: 3, windowMs: 60_000 }], now);
    await s.giveBack("w");
    await s.beginLogin("login:account:b", "login:address:ip", defaultThrottleOptions, now);
    await s.endLoginWithSuccess("login:account:b", "login:address:ip");
    const fifteenMinutes = defaultThrottleOptions.forgetAfterMs + TTL_GRACE_MS;
    const ttls = Object.fromEntries(
      await Promise.all((await keysUnder(one, p)).map(async (k) => [k.slice(p.length), await one.pttl(k)])),
    );
    expect(Object.keys(ttls).sort()).toEqual(["login:account:a", "login:address:ip", "w"]);
    expect(ttls["login:account:a"]).toBeGreaterThan(fifteenMinutes - 5000);
    expect(ttls["login:account:a"]).toBeLessThanOrEqual(fifteenMinutes);
    expect(ttls["login:address:ip"]).toBeGreaterThan(fifteenMinutes - 5000);
    expect(ttls["login:address:ip"]).toBeLessThanOrEqual(fifteenMinutes);
    expect(ttls.w).toBeGreaterThan(60_000 + TTL_GRACE_MS - 5000);
    expect(ttls.w).toBeLessThanOrEqual(60_000 + TTL_GRACE_MS);
  });

  it("judges a record by the callers' clock, so a hand-moved clock forgets it before Redis does", async () => {
    const s = new RedisCounterStore(one, freshPrefix());
    const w = { key: "w", limit: 1, windowMs: 1000 };
    expect(await s.countAttempt([w], 0)).toBe(0);
    expect(await s.countAttempt([w], 999)).toBe(1);
    // Redis still holds the key (its TTL has a minute's grace); the window has ended all the same.
    expect(await s.countAttempt([w], 1000)).toBe(0);
  });

  it("createCounterStore puts the keys under the prefix + limits:, also through a client keyPrefix", async () => {
    const p = freshPrefix();
    const plain = createCounterStore(one, p);
    expect(plain).toBeInstanceOf(RedisCounterStore);
    await plain.countAttempt([{ key: "a", limit: 1, windowMs: 60_000 }], Date.now());
    const prefixed = await connectTestRedis({ keyPrefix: p });
    try {
      await createCounterStore(prefixed).countAttempt([{ key: "b", limit: 1, windowMs: 60_000 }], Date.now());
    } finally {
      prefixed.disconnect();
    }
    expect((await keysUnder(one, p)).sort()).toEqual([`${p}${COUNTER_KEYS}a`, `${p}${COUNTER_KEYS}b`]);
    expect(createCounterStore(undefined, p)).toBeInstanceOf(MemoryCounterStore);
  });

  it("without Redis an attempt fails with 503 before its password is checked, instead of going unlimited", async () => {
    const errors: unknown[] = [];
    const gone = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    gone.on("error", (error) => errors.push(error));
    try {
      const throttle = new LoginThrottle({ store: new RedisCounterStore(gone, freshPrefix()) });
      let checked = false;
      await expect(
        throttledPasswordCheck(throttle, "a@x.test", "ip", async () => {
          checked = true;
          return true;
        }),
      ).rejects.toMatchObject({ status: 503, code: "service_unavailable" });
      expect(checked).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      gone.disconnect();
    }
  });

  it("passes on an error Redis answers, which is a fault rather than an outage", async () => {
    const p = freshPrefix();
    // A key of another type where a record should be: the script's HMGET gets WRONGTYPE.
    await one.set(`${p}w`, "not a hash");
    const s = new RedisCounterStore(one, p);
    await expect(s.countAttempt([{ key: "w", limit: 1, windowMs: 1000 }], 0)).rejects.toThrow(/WRONGTYPE/);
  });
});
