/**
 * Slows password guessing without locking a real user out for long. In memory, per process.
 *
 * - Per account (lockout): 5 free failures, then each attempt waits 2^n seconds after the last
 *   failure (n = failures beyond 4), capped at 5 minutes — the right password included; failures
 *   are forgotten 15 minutes after the last one; a success clears the account.
 * - Per client address (slowdown, never a lockout): after 30 failures in a 15-minute window, the
 *   address gets one password check per second. Its attempts queue for their turn (at most 5
 *   seconds ahead; beyond that they are refused with Retry-After, unchecked); a wrong password
 *   then answers 429 instead of 401, while the right password of an account that is not locked
 *   still logs in — everyone behind one proxy shares an address.
 *
 * Every attempt is counted as failed *before* its password is checked (a success takes it back),
 * so a parallel burst cannot get more checks than the limits allow.
 */
export interface LoginThrottleOptions {
  freeAccountFailures: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  /** Failures per window from one address before its attempts are slowed down. */
  ipFailuresPerWindow: number;
  ipWindowMs: number;
  /** A slowed address gets one password check per this many ms. */
  ipSlowdownMs: number;
  /** How far ahead a slowed address's attempts may queue before they are refused unchecked. */
  ipMaxQueueMs: number;
  /** Current time in ms; injectable so tests can advance time. */
  now: () => number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
export const defaultThrottleOptions: LoginThrottleOptions = {
  freeAccountFailures: 5,
  maxDelayMs: 5 * MINUTE,
  forgetAfterMs: 15 * MINUTE,
  ipFailuresPerWindow: 30,
  ipWindowMs: 15 * MINUTE,
  ipSlowdownMs: SECOND,
  ipMaxQueueMs: 5 * SECOND,
  now: () => Date.now(),
};

/** The throttle's answer to an attempt, given before its password is checked. */
export type LoginAttempt =
  /** Refused unchecked: the account is locked, or the slowed address's queue is full. */
  | { allowed: false; retryAfterSeconds: number }
  | {
      allowed: true;
      /** Wait this long before checking the password (the slowed address's turn). */
      waitMs: number;
      /** The address is over its limit: a wrong password answers 429 with retryAfterSeconds. */
      slowed: boolean;
      retryAfterSeconds: number;
    };

interface AccountEntry {
  failures: number;
  lastFailureAt: number;
}
interface IpEntry {
  failures: number;
  windowStart: number;
  /** When a slowed address's next password check may run. */
  nextCheckAt: number;
}

/** Above this many tracked keys, expired entries are swept so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / SECOND));

export class LoginThrottle {
  private readonly options: LoginThrottleOptions;
  private readonly accounts = new Map<string, AccountEntry>();
  private readonly ips = new Map<string, IpEntry>();

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.options = { ...defaultThrottleOptions, ...options };
  }

  /**
   * Decides an attempt and, when it is allowed, counts it as failed for the account and the
   * address right away (no await between the decision and the count). Call before the password
   * check; call recordSuccess when the password was right.
   */
  begin(account: string, ip: string): LoginAttempt {
    const now = this.options.now();
    this.sweep(now);
    const accountWait = this.accountWaitMs(account, now);
    if (accountWait > 0) return { allowed: false, retryAfterSeconds: seconds(accountWait) };

    const i = this.liveIp(ip, now) ?? { failures: 0, windowStart: now, nextCheckAt: now };
    const slowed = i.failures >= this.options.ipFailuresPerWindow;
    let waitMs = 0;
    if (slowed) {
      const turn = Math.max(now, i.nextCheckAt);
      if (turn - now > this.options.ipMaxQueueMs)
        return { allowed: false, retryAfterSeconds: seconds(turn - now) };
      waitMs = turn - now;
      i.nextCheckAt = turn + this.options.ipSlowdownMs;
    }
    this.ips.set(ip, { ...i, failures: i.failures + 1 });
    const a = this.liveAccount(account, now);
    this.accounts.set(account, { failures: (a?.failures ?? 0) + 1, lastFailureAt: now });
    return { allowed: true, waitMs, slowed, retryAfterSeconds: slowed ? seconds(i.nextCheckAt - now) : 0 };
  }

  /** The password was right: clears the account's failures and takes back the address's count. */
  recordSuccess(account: string, ip: string): void {
    this.accounts.delete(account);
    const entry = this.ips.get(ip);
    if (entry && entry.failures > 0) entry.failures -= 1;
  }

  private accountWaitMs(account: string, now: number): number {
    const entry = this.liveAccount(account, now);
    if (!entry || entry.failures < this.options.freeAccountFailures) return 0;
    const n = entry.failures - this.options.freeAccountFailures + 1;
    const delay = Math.min(2 ** n * SECOND, this.options.maxDelayMs);
    return entry.lastFailureAt + delay - now;
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
    if (entry && now - entry.windowStart >= this.options.ipWindowMs && entry.nextCheckAt <= now) {
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
