import { describe } from "vitest";
import { attemptLimiterCases } from "../../tests/limits/attempt-limiter.cases";
import { MemoryCounterStore } from "./memory-counter-store";

// The same cases run on Redis in tests/integration/redis-counter-store.test.ts.
describe("AttemptLimiter on the memory store", () => {
  attemptLimiterCases(() => new MemoryCounterStore());
});
