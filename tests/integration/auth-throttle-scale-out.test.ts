import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LoginThrottle } from "../../server/auth/login-throttle";
import { hashPassword } from "../../server/auth/passwords";
import { RedisCounterStore } from "../../server/auth/redis-counter-store";
import { insertUser } from "../../server/modules/account/users.repo";
import { connectTestRedis, deleteKeysUnder, testRedisPrefix } from "../helpers/redis-test-client";
import { startTestApp, type TestApp } from "../helpers/test-app";

// Two app instances whose login throttles share one Redis, each on its own connection, as behind a
// load balancer. Counts every argon2 verification, so a test can tell how many guesses were checked.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../server/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../server/auth/passwords")>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
    verifyAgainstDummy: (password: string) => {
      checks.count++;
      return real.verifyAgainstDummy(password);
    },
  };
});

const PASSWORD = "correct horse battery";
/** Free failures per account before it must wait (server/auth/login-throttle.ts). */
const ACCOUNT_LIMIT = 5;
const prefix = testRedisPrefix("scale-out-login");

const clients: Redis[] = [];
const instances: TestApp[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const redis = await connectTestRedis();
    clients.push(redis);
    const store = new RedisCounterStore(redis, prefix);
    instances.push(await startTestApp({}, { loginThrottle: new LoginThrottle({ store }) }));
  }
  // Separate databases here (one SQLite each), so the account exists on both.
  for (const t of instances) {
    await insertUser(t.themawerk.database.db, {
      email: "shared@example.test",
      name: "Scale-out Test",
      passwordHash: await hashPassword(PASSWORD),
    });
  }
});
afterAll(async () => {
  for (const t of instances) await t.close();
  if (clients[0]) await deleteKeysUnder(clients[0], prefix);
  for (const redis of clients) redis.disconnect();
});
beforeEach(() => {
  checks.count = 0;
});

const login = (t: TestApp, password: string) =>
  t.request("/api/auth/login", { json: { email: "shared@example.test", password } });

describe("a parallel burst of wrong passwords spread over two instances", () => {
  it("checks no more guesses than the account limit, all instances together", async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(instances[i % 2], `wrong guess ${i}`)),
    );
    expect(burst.filter((res) => res.status === 401)).toHaveLength(ACCOUNT_LIMIT);
    const refused = burst.filter((res) => res.status === 429);
    expect(refused).toHaveLength(30 - ACCOUNT_LIMIT);
    expect(checks.count).toBe(ACCOUNT_LIMIT);
    for (const res of refused) {
      expect((await res.json()).error.code).toBe("rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
  });

  it("then refuses the right password on either instance, without checking it", async () => {
    for (const t of instances) expect((await login(t, PASSWORD)).status).toBe(429);
    expect(checks.count).toBe(0);
  });
});
