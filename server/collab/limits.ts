import { LIMITS } from "../../shared/limits";

/** Tunables of the collaboration server; tests shorten the timings. */
export interface CollabSettings {
  /** Largest frame a socket may send (ws closes the socket with 1009 beyond it). */
  maxFrameBytes: number;
  /** Largest encoded document state; an update that would pass it is refused. */
  maxDocumentBytes: number;
  /** Largest awareness message (presence, cursor) relayed for any socket. */
  maxAwarenessBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
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
}

export function defaultCollabSettings(): CollabSettings {
  return {
    maxFrameBytes: LIMITS.maxCollabFrameBytes,
    maxDocumentBytes: LIMITS.maxDocumentBytes,
    maxAwarenessBytes: 16 * 1024,
    messagesPerSecond: LIMITS.collabMessagesPerSecond,
    messageBurst: LIMITS.collabMessageBurst,
    unloadGraceMs: 30_000,
    compactEveryUpdates: 500,
    settleDebounceMs: 1_000,
    settleMaxWaitMs: 5_000,
    touchEveryMs: 5_000,
    maxBufferedBytes: 64 * 1024 * 1024,
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
