/** A write that could not reach the search engine, kept to be replayed in order. */
export interface PendingWrite {
  /** For logs: what the write does ("index 12 entries"). */
  label: string;
  run(): Promise<void>;
}

/**
 * Bounded, in-memory queue of writes missed while the engine was down. Every write is idempotent
 * (add-or-replace, delete by id or filter), so replaying one twice is harmless. When full, the oldest
 * write is dropped and counted: the index then needs `npm run reindex` to be complete again.
 */
export class PendingWrites {
  private readonly writes: PendingWrite[] = [];
  private droppedCount = 0;

  constructor(private readonly max: number) {}

  /** Appends a write; returns false when an older one had to be dropped to make room. */
  push(write: PendingWrite): boolean {
    this.writes.push(write);
    if (this.writes.length <= this.max) return true;
    this.writes.shift();
    this.droppedCount++;
    return false;
  }

  /** The oldest write, still in the queue until `done()`. */
  peek(): PendingWrite | undefined {
    return this.writes[0];
  }

  /** Removes the oldest write once it has been applied (or given up on). */
  done(): void {
    this.writes.shift();
  }

  get size(): number {
    return this.writes.length;
  }

  /** How many writes were dropped because the queue was full. */
  get dropped(): number {
    return this.droppedCount;
  }
}
