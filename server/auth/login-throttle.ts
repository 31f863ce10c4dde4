import type { CounterStore, LoginRules } from "./counter-store";
import { MemoryCounterStore } from "./memory-counter-store";

/**
 * Slows password guessing without locking a real user out for long. Its counts live in a
 * CounterStore: this process's memory by default, Redis shared by every instance in scale-out mode.
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
 * in the same atomic step of the store as its decision, so a parallel burst cannot get more checks
 * than the limits allow — on one instance or spread over several.
 */
export interface LoginThrottleOptions extends LoginRules {
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

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / SECOND));
/** Store keys: throttles sharing a store share accounts and addresses. */
const accountKey = (account: string) => `login:account:${account}`;
const addressKey = (ip: string) => `login:address:${ip}`;

export class LoginThrottle {
  private readonly rules: LoginRules;
  private readonly now: () => number;
  private readonly store: CounterStore;

  /** `store` holds the counts (default: a memory store of this throttle's own). */
  constructor(options: Partial<LoginThrottleOptions> & { store?: CounterStore } = {}) {
    const { now, store, ...rules } = { ...defaultThrottleOptions, ...options };
    this.rules = rules;
    this.now = now;
    this.store = store ?? new MemoryCounterStore();
  }

  /**
   * Decides an attempt and, when it is allowed, counts it as failed for the account and the
   * address in the same atomic step. Call before the password check; call recordSuccess when the
   * password was right.
   */
  async begin(account: string, ip: string): Promise<LoginAttempt> {
    const decision = await this.store.beginLogin(accountKey(account), addressKey(ip), this.rules, this.now());
    if (!decision.allowed) return { allowed: false, retryAfterSeconds: seconds(decision.retryAfterMs) };
    const { waitMs, slowed } = decision;
    return { allowed: true, waitMs, slowed, retryAfterSeconds: slowed ? seconds(decision.retryAfterMs) : 0 };
  }

  /** The password was right: clears the account's failures and takes back the address's count. */
  async recordSuccess(account: string, ip: string): Promise<void> {
    await this.store.endLoginWithSuccess(accountKey(account), addressKey(ip));
  }
}
