import type { CollabSettings } from "./limits";

export interface FollowUpWork {
  /** Edits paused (debounced, with a maximum wait): hand the stored state to settle work. */
  settle(lastEditorUserId: string): void;
  /** Record the document's last editor and time, and everyone who edited since the last record (at most every `touchEveryMs`). */
  touch(lastEditorUserId: string, editors: string[]): Promise<void>;
}

/**
 * What follows a room's stored edits, on timers: settle work once typing pauses (but at the latest
 * `settleMaxWaitMs` after the first edit), and the document row's last-editor stamp, throttled.
 */
export class EditFollowUp {
  private lastEditorUserId: string | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private settleSince: number | undefined;
  private touchTimer: NodeJS.Timeout | undefined;
  private lastTouchAt = 0;
  private touchPending = false;
  /** Who edited since the last record. */
  private readonly editorsSinceTouch = new Set<string>();

  constructor(
    private readonly settings: CollabSettings,
    private readonly work: FollowUpWork,
  ) {}

  /** An edit by `userId` was stored. */
  edited(userId: string): void {
    this.lastEditorUserId = userId;
    this.editorsSinceTouch.add(userId);
    this.scheduleSettle();
    this.scheduleTouch();
  }

  /** The user whose edit was stored last. */
  get lastEditor(): string | undefined {
    return this.lastEditorUserId;
  }

  /** Whether edits are waiting for their settle work. */
  get hasUnsettledEdits(): boolean {
    return this.settleTimer !== undefined;
  }

  /** Runs what is due now instead of later (the room unloads). */
  async runNow(): Promise<void> {
    if (this.settleTimer) this.fireSettle();
    if (this.touchTimer || this.touchPending) await this.fireTouch();
  }

  /** Drops what is scheduled. */
  stop(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.touchTimer) clearTimeout(this.touchTimer);
    this.settleTimer = undefined;
    this.touchTimer = undefined;
  }

  private scheduleSettle(): void {
    const now = Date.now();
    this.settleSince ??= now;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    const delay = Math.max(
      0,
      Math.min(this.settings.settleDebounceMs, this.settleSince + this.settings.settleMaxWaitMs - now),
    );
    this.settleTimer = setTimeout(() => this.fireSettle(), delay);
  }

  private fireSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.settleSince = undefined;
    if (this.lastEditorUserId) this.work.settle(this.lastEditorUserId);
  }

  private scheduleTouch(): void {
    this.touchPending = true;
    if (this.touchTimer) return;
    const wait = Math.max(0, this.lastTouchAt + this.settings.touchEveryMs - Date.now());
    this.touchTimer = setTimeout(() => void this.fireTouch(), wait);
  }

  private async fireTouch(): Promise<void> {
    if (this.touchTimer) clearTimeout(this.touchTimer);
    this.touchTimer = undefined;
    if (!this.touchPending || !this.lastEditorUserId) return;
    this.touchPending = false;
    this.lastTouchAt = Date.now();
    const editors = [...this.editorsSinceTouch];
    this.editorsSinceTouch.clear();
    await this.work.touch(this.lastEditorUserId, editors);
  }
}
