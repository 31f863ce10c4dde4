import { AttemptLimiter } from "../../auth/attempt-limiter";
import type { CounterStore } from "../../auth/counter-store";
import { MemoryCounterStore } from "../../auth/memory-counter-store";
import { rateLimited } from "../auth/auth.errors";

const MINUTE = 60_000;

export interface InviteAcceptThrottleOptions {
  perInvite: number;
  perAddress: number;
  windowMs: number;
  now?: () => number;
  /** Holds the counts (default: a memory store of this throttle's own). */
  store?: CounterStore;
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
    const store = o.store ?? new MemoryCounterStore();
    const common = { windowMs: o.windowMs, now: o.now, store };
    this.invites = new AttemptLimiter({ name: "invite-accept:invite", limit: o.perInvite, ...common });
    this.addresses = new AttemptLimiter({ name: "invite-accept:address", limit: o.perAddress, ...common });
  }

  /** Counts an attempt for the invitation and the address, or throws 429 (nothing counted). */
  async begin(inviteId: string, ip: string): Promise<void> {
    const wait = await AttemptLimiter.attemptEach([
      [this.invites, inviteId],
      [this.addresses, ip],
    ]);
    if (wait > 0) throw rateLimited(wait);
  }

  /** The attempt created an account (and used the invitation up): not a guess. */
  async succeeded(ip: string): Promise<void> {
    await this.addresses.giveBack(ip);
  }
}
