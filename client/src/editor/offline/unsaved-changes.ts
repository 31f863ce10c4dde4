/**
 * What of the user's own edits the server does not have yet, and whether they are at least kept
 * in this browser. A change is one local Yjs transaction (a keystroke, a paste, an undo).
 *
 * A change leaves the list only when the server answered a save check sent after it (see
 * shared/collab-messages.ts): the server handles a socket's frames in order, so the answer proves
 * the change is stored. A check covers every change that is waiting when it is sent; a check that
 * is never answered (the socket died) is simply superseded by the next one.
 */
export interface UnsavedState {
  /** Changes the server has not confirmed. */
  notOnServer: number;
  /** Of those, changes not (yet) written to this browser's local copy: lost if the page closes now. */
  notKeptLocally: number;
  /** Some change could not be written to the local copy (full disk, quota, no IndexedDB). */
  localCopyFailing: boolean;
  /** The server answered that this socket may not write: the waiting changes were not taken. */
  rejected: boolean;
}

type Keeping = "writing" | "kept" | "failed";

interface Change {
  keeping: Keeping;
  /** The save check that covers this change, once one was sent. */
  check?: number;
}

export class UnsavedChanges {
  private readonly changes = new Map<number, Change>();
  private nextId = 1;
  private nextCheck = 1;
  private rejected = false;
  private readonly listeners = new Set<(state: UnsavedState) => void>();

  /** A new local change, being written to the local copy (or `failed` when there is none); its id. */
  edited(keeping: Keeping = "writing"): number {
    const id = this.nextId++;
    this.changes.set(id, { keeping });
    this.emit();
    return id;
  }

  /** A change that survived in the local copy from an earlier page: kept, but not confirmed. */
  restored(): number {
    return this.edited("kept");
  }

  keptLocally(id: number): void {
    this.setKeeping(id, "kept");
  }

  notKept(id: number): void {
    this.setKeeping(id, "failed");
  }

  /** Whether a save check would cover a change no sent check covers. */
  get needsCheck(): boolean {
    for (const change of this.changes.values()) if (change.check === undefined) return true;
    return false;
  }

  /** Covers every waiting change with a new save check; returns its number. */
  checkSent(): number {
    const seq = this.nextCheck++;
    for (const change of this.changes.values()) change.check = seq;
    return seq;
  }

  /** Forgets the checks in flight: their socket closed, so no answer will come. */
  connectionLost(): void {
    for (const change of this.changes.values()) change.check = undefined;
  }

  /**
   * The server's answer to check `seq`. Accepted: the changes it covered are stored; their ids are
   * returned (the local copy may fold them). Not accepted: the socket is read-only now and nothing
   * was taken; the changes stay, marked rejected, until `discard`.
   */
  answered(seq: number, accepted: boolean): number[] {
    if (!accepted) {
      if (this.changes.size > 0 && !this.rejected) {
        this.rejected = true;
        this.emit();
      }
      return [];
    }
    const confirmed: number[] = [];
    for (const [id, change] of this.changes) {
      if (change.check !== undefined && change.check <= seq) confirmed.push(id);
    }
    for (const id of confirmed) this.changes.delete(id);
    if (confirmed.length > 0) this.emit();
    return confirmed;
  }

  /** Drops every waiting change (the user discarded what the server refused). */
  discard(): void {
    this.changes.clear();
    this.rejected = false;
    this.emit();
  }

  get state(): UnsavedState {
    let notKeptLocally = 0;
    let localCopyFailing = false;
    for (const change of this.changes.values()) {
      if (change.keeping !== "kept") notKeptLocally++;
      if (change.keeping === "failed") localCopyFailing = true;
    }
    return { notOnServer: this.changes.size, notKeptLocally, localCopyFailing, rejected: this.rejected };
  }

  subscribe(listener: (state: UnsavedState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setKeeping(id: number, keeping: Keeping): void {
    const change = this.changes.get(id);
    if (!change || change.keeping === keeping) return;
    change.keeping = keeping;
    this.emit();
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}
