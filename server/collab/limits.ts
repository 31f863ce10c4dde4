import { DEAD_CONNECTION_MS, KEEP_ALIVE_INTERVAL_MS } from "../../shared/collab-messages";
import { LIMITS } from "../../shared/limits";
import type { AdmissionLimits } from "./admission";

/** Tunables of the collaboration server; tests shorten the timings. */
export interface CollabSettings extends AdmissionLimits {
  /** Largest frame a socket may send (ws closes the socket with 1009 beyond it). */
  maxFrameBytes: number;
  /** Largest encoded document state; an update that would pass it is refused. */
  maxDocumentBytes: number;
  /** Largest awareness message (presence, cursor) relayed for any socket. */
  maxAwarenessBytes: number;
  /** Presence entries (awareness client ids) one socket may introduce; a browser tab needs one. */
  maxAwarenessClientsPerSocket: number;
  /** Bytes of frames kept for a socket while it is being authenticated. */
  maxEarlyBytes: number;
  /** How long a document without connections stays in memory. */
  unloadGraceMs: number;
  /** Fold the update log into one state row after this many updates. */
  compactEveryUpdates: number;
  /** Settled-document listeners run this long after the last update … */
  settleDebounceMs: number;
  /** … but at least this often while edits keep coming. */
  settleMaxWaitMs: number;
  /** documents.updated_by/updated_at are written at most this often per document. */
  touchEveryMs: number;
  /** Bytes queued on one socket after which it is considered too slow and closed. */
  maxBufferedBytes: number;
  /** Frames of one socket waiting in its room's queue; one more closes it as rate limited. */
  maxQueuedPerSocket: number;
  /** Every socket gets a ping and a keep-alive frame this often … */
  keepAliveIntervalMs: number;
  /** … and one that answered no ping for this long is dropped (with its presence). */
  deadConnectionMs: number;
}

export function defaultCollabSettings(): CollabSettings {
  return {
    maxFrameBytes: LIMITS.maxCollabFrameBytes,
    maxDocumentBytes: LIMITS.maxDocumentBytes,
    maxAwarenessBytes: 16 * 1024,
    maxAwarenessClientsPerSocket: 3,
    maxEarlyBytes: 2 * LIMITS.maxCollabFrameBytes,
    messagesPerSecond: LIMITS.collabMessagesPerSecond,
    messageBurst: LIMITS.collabMessageBurst,
    maxSocketsPerSession: LIMITS.collabSocketsPerSession,
    reconnectsPerMinute: LIMITS.collabReconnectsPerMinute,
    reconnectBurst: 30,
    upgradesPerSecondPerAddress: 50,
    upgradeBurstPerAddress: 300,
    cooldownMs: 10_000,
    unloadGraceMs: 30_000,
    compactEveryUpdates: 500,
    settleDebounceMs: 1_000,
    settleMaxWaitMs: 5_000,
    touchEveryMs: 5_000,
    maxBufferedBytes: 64 * 1024 * 1024,
    maxQueuedPerSocket: 500,
    keepAliveIntervalMs: KEEP_ALIVE_INTERVAL_MS,
    deadConnectionMs: DEAD_CONNECTION_MS,
  };
}

/** A token bucket: `ratePerSecond` tokens refill continuously up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
