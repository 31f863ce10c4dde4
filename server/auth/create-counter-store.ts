import type { Redis } from "ioredis";
import type { CounterStore } from "./counter-store";
import { MemoryCounterStore } from "./memory-counter-store";
import { RedisCounterStore } from "./redis-counter-store";

/** Where the limiters' keys go under the Redis prefix, apart from other scale-out state. */
export const COUNTER_KEYS = "limits:";

/**
 * The one place that picks the counters' store: Redis, shared by every instance, in scale-out mode
 * (keys under `prefix` + "limits:"); this process's memory without Redis.
 */
export function createCounterStore(redis: Redis | undefined, prefix = ""): CounterStore {
  return redis ? new RedisCounterStore(redis, prefix + COUNTER_KEYS) : new MemoryCounterStore();
}
