/**
 * The state behind the login throttle and the attempt limiters, as a port with two adapters: this
 * process's memory for one instance (memory-counter-store.ts), Redis when several instances must
 * share it (redis-counter-store.ts). Pick one with createCounterStore (create-counter-store.ts).
 *
 * Each method decides and counts in one atomic step, whatever runs at the same time on however many
 * instances: the limiters count an attempt *before* its password is checked, so a parallel burst
 * gets no more checks than the limits allow.
 *
 * Time is the caller's clock (`now`, in ms). Every record knows when it is forgotten, judged by that
 * clock; a store may drop a forgotten record later (memory stays bounded), never earlier.
 */
export interface CounterStore {
  /**
   * Decides a login attempt under `rules` and, when it is allowed, counts it as failed for the
   * account and the address. A refused attempt counts nothing.
   */
  beginLogin(accountKey: string, addressKey: string, rules: LoginRules, now: number): Promise<LoginDecision>;
  /** The password was right: forgets the account's failures and takes one back from the address. */
  endLoginWithSuccess(accountKey: string, addressKey: string): Promise<void>;
  /**
   * Counts one attempt in every window when each one still has room and answers 0; otherwise counts
   * nothing and answers the ms until the fullest of them ends.
   */
  countAttempt(windows: readonly AttemptWindow[], now: number): Promise<number>;
  /** Takes back one attempt counted in the window at `key` (never below zero). */
  giveBack(key: string): Promise<void>;
}

/** The numbers of the login throttle (server/auth/login-throttle.ts describes them). */
export interface LoginRules {
  freeAccountFailures: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  ipFailuresPerWindow: number;
  ipWindowMs: number;
  ipSlowdownMs: number;
  ipMaxQueueMs: number;
}

/** A store's answer to a login attempt, in ms (the throttle turns it into seconds). */
export type LoginDecision =
  /** Refused unchecked: the account is locked, or the slowed address's queue is full. */
  | { allowed: false; retryAfterMs: number }
  /** Allowed after `waitMs`; when `slowed`, a wrong password is refused for `retryAfterMs`. */
  | { allowed: true; waitMs: number; slowed: boolean; retryAfterMs: number };

/** A fixed window: `limit` attempts per `windowMs`, from the window's first attempt. */
export interface AttemptWindow {
  key: string;
  limit: number;
  windowMs: number;
}
