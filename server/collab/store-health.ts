import type { Logger } from "../logger";

/**
 * Whether the document store can write right now, as seen by real writes: an append or
 * compaction that fails marks it failing (so /healthz says `database` is down even while
 * `select 1` answers); the next write that succeeds clears it. While failing, a probe write of the
 * same kind runs every few seconds, so recovery is noticed without waiting for an editor.
 */
export class StoreHealth {
  private failingDocumentId: string | undefined;
  private lastError = "";
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;

  constructor(
    /** A real write through the store for a document (an empty update appended to its log). */
    private readonly probe: (documentId: string) => Promise<void>,
    private readonly logger: Logger,
    private readonly probeEveryMs = 2_000,
  ) {}

  get failing(): boolean {
    return this.failingDocumentId !== undefined;
  }

  /** The error of the write that failed last, while failing (for logs and diagnostics). */
  get failure(): string | undefined {
    return this.failing ? this.lastError : undefined;
  }

  recordSuccess(): void {
    if (!this.failing) return;
    this.failingDocumentId = undefined;
    this.stopProbing();
    this.logger.info("collab store writes again");
  }

  recordFailure(documentId: string, error: unknown): void {
    const wasFailing = this.failing;
    this.failingDocumentId = documentId;
    this.lastError = error instanceof Error ? error.message : String(error);
    if (!wasFailing) this.logger.error("collab store write failed", { documentId, error: this.lastError });
    this.startProbing();
  }

  close(): void {
    this.closed = true;
    this.stopProbing();
  }

  private startProbing(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setInterval(() => void this.runProbe(), this.probeEveryMs);
    this.probeTimer.unref();
  }

  private stopProbing(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }

  private async runProbe(): Promise<void> {
    const documentId = this.failingDocumentId;
    if (this.probing || documentId === undefined) return;
    this.probing = true;
    try {
      await this.probe(documentId);
      this.recordSuccess();
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      this.probing = false;
    }
  }
}
