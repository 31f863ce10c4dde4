import { describe, expect, it } from "vitest";
import { counterStoreContract } from "../../tests/limits/counter-store.contract";
import { defaultThrottleOptions } from "./login-throttle";
import { MemoryCounterStore } from "./memory-counter-store";

describe("MemoryCounterStore", () => {
  counterStoreContract({
    store: () => new MemoryCounterStore(),
    // One process: two limiters on one store are the two "instances".
    instances: () => {
      const store = new MemoryCounterStore();
      return [store, store];
    },
  });

  it("sweeps forgotten records once it holds more than 10,000, so memory stays bounded", async () => {
    const store = new MemoryCounterStore();
    for (let i = 0; i <= 10_000; i++)
      await store.countAttempt([{ key: `k${i}`, limit: 1, windowMs: 1000 }], 0);
    await store.beginLogin("acc", "ip", defaultThrottleOptions, 500);
    expect(store.size).toBe(10_003);
    // Every window has ended by 1000; the login's records are live for 15 minutes.
    await store.countAttempt([{ key: "late", limit: 1, windowMs: 1000 }], 1000);
    expect(store.size).toBe(3);
  });
});
