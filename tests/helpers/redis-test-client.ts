import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";

/** The Redis the tests use; CI has one, so tests that need it fail instead of skipping. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A connected client, or an error naming the URL: no Redis is a failure, never a skip. */
export async function connectTestRedis(options: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    ...options,
  });
  // The connection error itself (ECONNREFUSED …) says more than connect()'s "Connection is closed".
  let cause: unknown;
  const remember = (error: unknown) => {
    cause ??= error;
  };
  redis.on("error", remember);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (start one, or point TEST_REDIS_URL at one): ${String(cause ?? error)}`,
    );
  }
  redis.off("error", remember);
  return redis;
}

/** A key prefix of this run's own, since other test runs may share the server. */
export const testRedisPrefix = (what: string) => `themawerk-test:${what}:${randomUUID()}:`;

/** Every key under `prefix` (client without keyPrefix). */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  return keys;
}

/** Deletes every key under `prefix` and answers how many there were. */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<number> {
  const keys = await keysUnder(redis, prefix);
  if (keys.length > 0) await redis.del(...keys);
  return keys.length;
}
