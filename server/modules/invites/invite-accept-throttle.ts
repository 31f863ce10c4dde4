import { AttemptLimiter } from "../../auth/attempt-limiter";
import { rateLimited } from "../auth/auth.errors";

const MINUTE = 60_000;

export interface InviteAcceptThrottleOptions {
  perInvite: number;
  perAddress: number;
  windowMs: number;
  now?: () => number;
}

const defaults: InviteAcceptThrottleOptions = { perInvite: 5, perAddress: 20, windowMs: 15 * MINUTE };

/**
 * Limits new-person acceptances, which are email guesses to whoever holds a link: 5 per invitation
 * and 20 per client address in 15 minutes. Each attempt counts when it starts; one that created
 * the account is taken back for the address.
 */
export class InviteAcceptThrottle {
  private readonly invites: AttemptLimiter;
  private readonly addresses: AttemptLimiter;

  constructor(options: Partial<InviteAcceptThrottleOptions> = {}) {
    const o = { ...defaults, ...options };
    this.invites = new AttemptLimiter({ limit: o.perInvite, windowMs: o.windowMs, now: o.now });
    this.addresses = new AttemptLimiter({ limit: o.perAddress, windowMs: o.windowMs, now: o.now });
  }

  /** Counts an attempt for the invitation and the address, or throws 429 (nothing counted). */
  begin(inviteId: string, ip: string): void {
    const wait = Math.max(this.invites.retryAfterSeconds(inviteId), this.addresses.retryAfterSeconds(ip));
    if (wait > 0) throw rateLimited(wait);
    this.invites.count(inviteId);
    this.addresses.count(ip);
  }

  /** The attempt created an account (and used the invitation up): not a guess. */
  succeeded(ip: string): void {
    this.addresses.giveBack(ip);
  }
}
