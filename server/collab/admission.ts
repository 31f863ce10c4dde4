import { TokenBucket } from "./limits";

/** The limits admission enforces (a subset of CollabSettings). */
export interface AdmissionLimits {
  /** Messages per second per user, across all their sockets, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Open sockets one session may hold (a tab holds one per open document). */
  maxSocketsPerSession: number;
  /** New sockets per minute per user, and the burst allowed above it. */
  reconnectsPerMinute: number;
  reconnectBurst: number;
  /** Upgrade attempts per second from one address before any authentication, and the burst. */
  upgradesPerSecondPerAddress: number;
  upgradeBurstPerAddress: number;
  /** How long a user who hit a limit is refused new sockets. */
  cooldownMs: number;
}

export type Refusal = { reason: string };

/** Buckets idle this long are full again and can be forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * Limits that hold per user and per session, not per socket: reconnecting does not reset them.
 * Every check is a map lookup and a little arithmetic, done before any expensive work.
 */
export class CollabAdmission {
  private readonly messageBuckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  private readonly reconnectBuckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  private readonly addressBuckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  private readonly socketsPerSession = new Map<string, number>();
  private readonly cooldownUntil = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly limits: () => AdmissionLimits) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Before authentication: may this address try another upgrade? */
  admitUpgrade(address: string): Refusal | null {
    const { upgradesPerSecondPerAddress: rate, upgradeBurstPerAddress: burst } = this.limits();
    if (!this.take(this.addressBuckets, address, rate, burst))
      return { reason: "too many connection attempts" };
    return null;
  }

  /**
   * After authentication: may this user's session open one more socket? On success the socket
   * counts against its session until `release` is called.
   */
  admitSocket(userId: string, sessionId: string): Refusal | { release: () => void } {
    const limits = this.limits();
    if ((this.cooldownUntil.get(userId) ?? 0) > Date.now()) return { reason: "slow down" };
    if (!this.take(this.reconnectBuckets, userId, limits.reconnectsPerMinute / 60, limits.reconnectBurst)) {
      this.coolDown(userId);
      return { reason: "too many reconnects" };
    }
    const open = this.socketsPerSession.get(sessionId) ?? 0;
    if (open >= limits.maxSocketsPerSession) return { reason: "too many open connections" };
    this.socketsPerSession.set(sessionId, open + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (this.socketsPerSession.get(sessionId) ?? 1) - 1;
        if (left <= 0) this.socketsPerSession.delete(sessionId);
        else this.socketsPerSession.set(sessionId, left);
      },
    };
  }

  /** One message from a user's socket; false (and a cooldown) when the user is over the limit. */
  admitMessage(userId: string): boolean {
    const { messagesPerSecond, messageBurst } = this.limits();
    if (this.take(this.messageBuckets, userId, messagesPerSecond, messageBurst)) return true;
    this.coolDown(userId);
    return false;
  }

  /** Refuses the user's new sockets for a while (after a limit or a protocol violation). */
  coolDown(userId: string, ms = this.limits().cooldownMs): void {
    this.cooldownUntil.set(userId, Math.max(this.cooldownUntil.get(userId) ?? 0, Date.now() + ms));
  }

  /** Open sockets counted for a session (for tests and diagnostics). */
  openSockets(sessionId: string): number {
    return this.socketsPerSession.get(sessionId) ?? 0;
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private take(
    buckets: Map<string, { bucket: TokenBucket; usedAt: number }>,
    key: string,
    rate: number,
    burst: number,
  ): boolean {
    let entry = buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(rate, burst), usedAt: 0 };
      buckets.set(key, entry);
    }
    entry.usedAt = Date.now();
    return entry.bucket.take();
  }

  private sweep(): void {
    const now = Date.now();
    for (const buckets of [this.messageBuckets, this.reconnectBuckets, this.addressBuckets]) {
      for (const [key, entry] of buckets) if (now - entry.usedAt > FORGET_AFTER_MS) buckets.delete(key);
    }
    for (const [key, until] of this.cooldownUntil) if (until < now) this.cooldownUntil.delete(key);
  }
}
