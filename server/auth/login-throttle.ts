/**
 * Slows password guessing without locking a real user out for long. In memory, per process:
 * - per account: 5 free failures, then each attempt waits 2^n seconds after the last failure
 *   (n = failures beyond 4), capped at 5 minutes; failures are forgotten 15 minutes after the last one;
 *   a success clears the account.
 * - per IP: 30 failures per 15-minute window, then refused until the window ends.
 */
export interface LoginThrottleOptions {
  freeAccountFailures: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  ipFailuresPerWindow: number;
  ipWindowMs: number;
  /** Current time in ms; injectable so tests can advance time. */
  now: () => number;
}

const MINUTE = 60_000;
export const defaultThrottleOptions: LoginThrottleOptions = {
  freeAccountFailures: 5,
  maxDelayMs: 5 * MINUTE,
  forgetAfterMs: 15 * MINUTE,
  ipFailuresPerWindow: 30,
  ipWindowMs: 15 * MINUTE,
  now: () => Date.now(),
};

interface AccountEntry {
  failures: number;
  lastFailureAt: number;
}
interface IpEntry {
  failures: number;
  windowStart: number;
}

/** Above this many tracked keys, expired entries are swept so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export class LoginThrottle {
  private readonly options: LoginThrottleOptions;
  private readonly accounts = new Map<string, AccountEntry>();
  private readonly ips = new Map<string, IpEntry>();

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.options = { ...defaultThrottleOptions, ...options };
  }

  /** Seconds to wait before this attempt may be tried, or 0 when it may go ahead now. */
  retryAfterSeconds(account: string, ip: string): number {
    const now = this.options.now();
    const waits = [this.accountWaitMs(account, now), this.ipWaitMs(ip, now)];
    const wait = Math.max(...waits);
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /**
   * Records an attempt as failed for both the account and the IP. Call it before checking the
   * password, so concurrent attempts count at once; a success then takes it back (recordSuccess).
   */
  recordFailure(account: string, ip: string): void {
    const now = this.options.now();
    this.sweep(now);
    const a = this.liveAccount(account, now);
    this.accounts.set(account, { failures: (a?.failures ?? 0) + 1, lastFailureAt: now });
    const i = this.liveIp(ip, now);
    this.ips.set(ip, i ? { ...i, failures: i.failures + 1 } : { failures: 1, windowStart: now });
  }

  /** A successful login clears the account's failures and takes back the attempt counted for the IP. */
  recordSuccess(account: string, ip: string): void {
    this.accounts.delete(account);
    const entry = this.ips.get(ip);
    if (entry && entry.failures > 0) entry.failures -= 1;
  }

  private accountWaitMs(account: string, now: number): number {
    const entry = this.liveAccount(account, now);
    if (!entry || entry.failures < this.options.freeAccountFailures) return 0;
    const n = entry.failures - this.options.freeAccountFailures + 1;
    const delay = Math.min(2 ** n * 1000, this.options.maxDelayMs);
    return entry.lastFailureAt + delay - now;
  }

  private ipWaitMs(ip: string, now: number): number {
    const entry = this.liveIp(ip, now);
    if (!entry || entry.failures < this.options.ipFailuresPerWindow) return 0;
    return entry.windowStart + this.options.ipWindowMs - now;
  }

  private liveAccount(account: string, now: number): AccountEntry | undefined {
    const entry = this.accounts.get(account);
    if (entry && now - entry.lastFailureAt >= this.options.forgetAfterMs) {
      this.accounts.delete(account);
      return undefined;
    }
    return entry;
  }

  private liveIp(ip: string, now: number): IpEntry | undefined {
    const entry = this.ips.get(ip);
    if (entry && now - entry.windowStart >= this.options.ipWindowMs) {
      this.ips.delete(ip);
      return undefined;
    }
    return entry;
  }

  private sweep(now: number): void {
    if (this.accounts.size > SWEEP_ABOVE)
      for (const key of [...this.accounts.keys()]) this.liveAccount(key, now);
    if (this.ips.size > SWEEP_ABOVE) for (const key of [...this.ips.keys()]) this.liveIp(key, now);
  }
}
