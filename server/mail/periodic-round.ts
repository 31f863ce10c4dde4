/**
 * Runs `round` every `everyMs`, never two at once (a round still running when the next is due
 * skips that one); a failed round goes to `onError` and the next one simply tries again. The
 * timer does not keep the process alive.
 */
export class PeriodicRound {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      if (this.running) return;
      this.running = this.round()
        .catch(this.onError)
        .finally(() => {
          this.running = undefined;
        });
    }, this.everyMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a round that is running. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
