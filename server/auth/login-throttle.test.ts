import { describe, expect, it } from "vitest";
import { loginThrottleCases } from "../../tests/limits/login-throttle.cases";
import { LoginThrottle } from "./login-throttle";
import { MemoryCounterStore } from "./memory-counter-store";

// The same cases run on Redis in tests/integration/redis-counter-store.test.ts.
describe("LoginThrottle on the memory store", () => {
  loginThrottleCases(() => new MemoryCounterStore());
});

describe("LoginThrottle without a store", () => {
  it("keeps counts of its own, apart from any other throttle's", async () => {
    const a = new LoginThrottle();
    const b = new LoginThrottle();
    for (let i = 0; i < 5; i++) expect((await a.begin("a@x.test", "ip")).allowed).toBe(true);
    expect((await a.begin("a@x.test", "ip")).allowed).toBe(false);
    expect((await b.begin("a@x.test", "ip")).allowed).toBe(true);
  });
});
