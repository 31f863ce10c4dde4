import type { AttemptWindow, CounterStore, LoginDecision, LoginRules } from "./counter-store";

/**
 * One record per key. Accounts use count and lastAt; addresses count, startedAt and nextAt (a slowed
 * address's next turn); windows count and startedAt. `until` is when the record is forgotten.
 */
interface CountRecord {
  count: number;
  startedAt: number;
  lastAt: number;
  nextAt: number;
  until: number;
}

/** Above this many records, forgotten ones are swept so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

/**
 * The counters in this process's memory: one instance's state, as before scale-out. Every method
 * does all its work before it returns, so nothing else runs between a decision and its count.
 */
export class MemoryCounterStore implements CounterStore {
  private readonly records = new Map<string, CountRecord>();

  /** Records held, forgotten ones included until the next sweep. */
  get size(): number {
    return this.records.size;
  }

  async beginLogin(
    accountKey: string,
    addressKey: string,
    rules: LoginRules,
    now: number,
  ): Promise<LoginDecision> {
    this.sweep(now);
    const account = this.live(accountKey, now);
    if (account && account.count >= rules.freeAccountFailures) {
      const n = account.count - rules.freeAccountFailures + 1;
      const wait = account.lastAt + Math.min(2 ** n * 1000, rules.maxDelayMs) - now;
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
    }

    const address = this.live(addressKey, now) ?? {
      count: 0,
      startedAt: now,
      lastAt: now,
      nextAt: now,
      until: 0,
    };
    const slowed = address.count >= rules.ipFailuresPerWindow;
    let waitMs = 0;
    let nextAt = address.nextAt;
    if (slowed) {
      const turn = Math.max(now, address.nextAt);
      if (turn - now > rules.ipMaxQueueMs) return { allowed: false, retryAfterMs: turn - now };
      waitMs = turn - now;
      nextAt = turn + rules.ipSlowdownMs;
    }
    this.records.set(addressKey, {
      ...address,
      count: address.count + 1,
      nextAt,
      until: Math.max(address.startedAt + rules.ipWindowMs, nextAt),
    });
    this.records.set(accountKey, {
      count: (account?.count ?? 0) + 1,
      startedAt: account?.startedAt ?? now,
      lastAt: now,
      nextAt: now,
      until: now + rules.forgetAfterMs,
    });
    return { allowed: true, waitMs, slowed, retryAfterMs: slowed ? nextAt - now : 0 };
  }

  async endLoginWithSuccess(accountKey: string, addressKey: string): Promise<void> {
    this.records.delete(accountKey);
    this.takeBack(addressKey);
  }

  async countAttempt(windows: readonly AttemptWindow[], now: number): Promise<number> {
    this.sweep(now);
    let wait = 0;
    const counted = windows.map((w) => {
      const record = this.live(w.key, now);
      if (record && record.count >= w.limit) wait = Math.max(wait, record.until - now);
      return { key: w.key, count: (record?.count ?? 0) + 1, startedAt: record?.startedAt ?? now, w };
    });
    if (wait > 0) return wait;
    for (const c of counted) {
      this.records.set(c.key, {
        count: c.count,
        startedAt: c.startedAt,
        lastAt: now,
        nextAt: now,
        until: c.startedAt + c.w.windowMs,
      });
    }
    return 0;
  }

  async giveBack(key: string): Promise<void> {
    this.takeBack(key);
  }

  private takeBack(key: string): void {
    const record = this.records.get(key);
    if (record && record.count > 0) record.count -= 1;
  }

  private live(key: string, now: number): CountRecord | undefined {
    const record = this.records.get(key);
    if (record && now >= record.until) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private sweep(now: number): void {
    if (this.records.size > SWEEP_ABOVE) for (const key of [...this.records.keys()]) this.live(key, now);
  }
}
