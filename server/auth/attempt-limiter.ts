/**
 * Counts attempts per key in fixed windows (in memory, per process): `limit` attempts per
 * `windowMs` from a key's first attempt, then refused until that window ends. An attempt is
 * counted when it starts, so concurrent ones cannot slip past the limit together.
 */
export interface AttemptLimiterOptions {
  limit: number;
  windowMs: number;
  /** Current time in ms; injectable so tests can advance time. */
  now?: () => number;
}

interface Window {
  count: number;
  startedAt: number;
}

/** Above this many tracked keys, ended windows are swept so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;

  constructor(private readonly options: AttemptLimiterOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Seconds until `key` may try again, or 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const now = this.now();
    const window = this.live(key, now);
    if (!window || window.count < this.options.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.options.windowMs - now) / 1000));
  }

  /** Counts one attempt for `key`. */
  count(key: string): void {
    const now = this.now();
    if (this.windows.size > SWEEP_ABOVE) for (const k of [...this.windows.keys()]) this.live(k, now);
    const window = this.live(key, now);
    if (window) window.count += 1;
    else this.windows.set(key, { count: 1, startedAt: now });
  }

  /** Takes back one counted attempt (it turned out not to be a guess). */
  giveBack(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  private live(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && now - window.startedAt >= this.options.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}
