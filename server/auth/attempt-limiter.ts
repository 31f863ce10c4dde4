import type { CounterStore } from "./counter-store";
import { MemoryCounterStore } from "./memory-counter-store";

/**
 * Counts attempts per key in fixed windows: `limit` attempts per `windowMs` from a key's first
 * attempt, then refused until that window ends. The counts live in a CounterStore (this process's
 * memory by default, Redis shared by every instance in scale-out mode). An attempt is counted when
 * it starts, in the same atomic step as its check, so concurrent ones cannot slip past the limit
 * together — on one instance or spread over several.
 */
export interface AttemptLimiterOptions {
  /** Names this limiter's keys in the store; limiters sharing a store need different names. */
  name: string;
  limit: number;
  windowMs: number;
  /** Current time in ms; injectable so tests can advance time. */
  now?: () => number;
  /** Holds the counts (default: a memory store of this limiter's own). */
  store?: CounterStore;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class AttemptLimiter {
  private readonly store: CounterStore;
  private readonly now: () => number;

  constructor(private readonly options: AttemptLimiterOptions) {
    this.store = options.store ?? new MemoryCounterStore();
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Counts one attempt with each limiter for its key — with all of them, or with none when any one
   * is full — and answers 0, or the seconds until every one of them has room. The limiters must
   * share one store (the first one's clock is used).
   */
  static async attemptEach(attempts: ReadonlyArray<readonly [AttemptLimiter, string]>): Promise<number> {
    if (attempts.length === 0) return 0;
    const [first] = attempts[0];
    if (attempts.some(([limiter]) => limiter.store !== first.store))
      throw new Error("AttemptLimiter.attemptEach needs limiters that share one store");
    const windows = attempts.map(([limiter, key]) => limiter.window(key));
    const waitMs = await first.store.countAttempt(windows, first.now());
    return waitMs > 0 ? seconds(waitMs) : 0;
  }

  /** Counts one attempt for `key` and answers 0, or answers the seconds until it may try again (nothing counted). */
  attempt(key: string): Promise<number> {
    return AttemptLimiter.attemptEach([[this, key]]);
  }

  /** Takes back one counted attempt (it turned out not to be a guess). */
  async giveBack(key: string): Promise<void> {
    await this.store.giveBack(this.key(key));
  }

  private window(key: string) {
    return { key: this.key(key), limit: this.options.limit, windowMs: this.options.windowMs };
  }

  private key(key: string): string {
    return `${this.options.name}:${key}`;
  }
}
