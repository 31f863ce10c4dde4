import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../shared/close-codes";
import { nowIso } from "../ids";
import type { Logger } from "../logger";
import type { CollabConnection } from "./connection";
import type { CollabSettings } from "./limits";
import type { DocumentStore, LoadedDocument } from "./persistence";
import { admitAwareness } from "./presence";
import {
  type ClientFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedFrameError,
} from "./protocol";
import { checkUpdate, dropPending, MissingDependenciesError } from "./update-check";

/** Raised when an update would make the document larger than allowed. */
export class DocumentTooLargeError extends Error {
  override name = "DocumentTooLargeError";
}

/** Raised for work on a room whose document no longer matches the store (it is being reloaded). */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

export interface RoomHooks {
  /** Edits stopped for a moment (debounced), with the stored state: extraction and indexing hang here. */
  settled(documentId: string, state: Uint8Array, lastEditorUserId: string): void;
  /** The last connection left and the grace period passed. */
  idle(room: DocumentRoom): void;
  /**
   * The room's document may hold what the store does not (an append or an apply failed): the
   * server discards the room, so the next socket loads the document from the store again.
   */
  broken(room: DocumentRoom, error: unknown): void;
  /** Outcome of a document write (append or compaction), for the store's health. */
  stored(documentId: string, error?: unknown): void;
}

/**
 * One loaded document and everyone connected to it. Every change runs through one queue: an
 * update is checked, applied, appended to the store and only then broadcast, in order. The room's
 * Y.Doc never holds what the store does not: when an append fails the room breaks and is reloaded.
 */
export class DocumentRoom {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly connections = new Set<CollabConnection>();
  /** Updates dropped because they came from read-only sockets (observable in tests and logs). */
  droppedReadOnlyUpdates = 0;
  private queue: Promise<void> = Promise.resolve();
  private lastUpdateId: number;
  private logLength: number;
  private approxBytes: number;
  private lastEditorUserId: string | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private settleSince: number | undefined;
  private touchTimer: NodeJS.Timeout | undefined;
  private lastTouchAt = 0;
  private touchPending = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private unloaded = false;
  private broken = false;
  /** Which socket introduced each presence entry. */
  private readonly awarenessOwners = new Map<number, CollabConnection>();

  constructor(
    readonly documentId: string,
    loaded: LoadedDocument,
    private readonly store: DocumentStore,
    private readonly settings: CollabSettings,
    private readonly hooks: RoomHooks,
    private readonly logger: Logger,
  ) {
    this.doc = loaded.doc;
    this.lastUpdateId = loaded.lastUpdateId;
    this.logLength = loaded.logLength;
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).length;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.relayAwareness);
    if (loaded.droppedPendingBytes > 0) {
      // Stored before the server refused such updates: fold the log now so the bytes go for good.
      this.logger.warn("collab dropped stored content with missing dependencies", {
        documentId,
        bytes: loaded.droppedPendingBytes,
      });
      this.logLength = Math.max(this.logLength, 1);
      void this.enqueue(() => this.compact()).catch(() => undefined);
    }
  }

  /** Adds an authenticated connection and starts the sync handshake. */
  join(conn: CollabConnection): void {
    if (this.broken || this.unloaded) {
      conn.close(CLOSE_CODES.storeUnavailable, "document is being reloaded");
      return;
    }
    this.cancelIdle();
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size > 0) conn.send(encodeAwareness(this.awareness));
  }

  /** Removes a connection and its presence; starts the grace period when the room empties. */
  leave(conn: CollabConnection): void {
    if (!this.connections.delete(conn)) return;
    const owned = Array.from(conn.awarenessClientIds).filter((id) => this.awarenessOwners.get(id) === conn);
    for (const id of owned) this.awarenessOwners.delete(id);
    if (owned.length > 0 && !this.unloaded) removeAwarenessStates(this.awareness, owned, null);
    if (this.connections.size === 0) this.scheduleIdle();
  }

  /** Starts the grace period when nobody is connected (after a server-side write or an aborted join). */
  releaseIfEmpty(): void {
    if (this.connections.size === 0 && !this.unloaded) this.scheduleIdle();
  }

  /** Handles one parsed frame from a connection. Errors close only that connection. */
  receive(conn: CollabConnection, frame: ClientFrame): void {
    switch (frame.kind) {
      case "syncStep1":
        // Queued so a newcomer never receives content that is not yet stored.
        void this.enqueue(() => conn.send(encodeSyncStep2(this.doc, frame.stateVector))).catch((error) =>
          this.closeForError(conn, error),
        );
        return;
      case "syncStep2":
      case "update":
        if (!conn.canWrite) {
          this.droppedReadOnlyUpdates++;
          return;
        }
        void this.enqueue(() => this.integrate(frame.update, conn.identity.userId, conn)).catch((error) =>
          this.closeForError(conn, error),
        );
        return;
      case "awareness":
        this.receiveAwareness(conn, frame.update);
        return;
      case "queryAwareness":
        conn.send(encodeAwareness(this.awareness));
        return;
    }
  }

  /** A trusted server-side write, stored and broadcast like any client update. */
  applyTrusted(update: Uint8Array, userId: string): Promise<void> {
    return this.enqueue(() => this.integrate(update, userId, undefined));
  }

  /** The state once every queued change is stored: never more than the store holds. */
  encodeStoredState(): Promise<Uint8Array> {
    return this.enqueue(() => Y.encodeStateAsUpdate(this.doc));
  }

  /** Waits until every queued change is stored. */
  flush(): Promise<void> {
    return this.enqueue(() => undefined);
  }

  /** Stores everything, runs pending settle work, compacts, and releases timers. */
  async unload(): Promise<void> {
    if (this.unloaded) return;
    this.unloaded = true;
    this.cancelIdle();
    if (!this.broken) {
      await this.flush().catch(() => undefined);
      if (this.settleTimer) this.fireSettled();
      if (this.touchTimer || this.touchPending) await this.touch();
      await this.enqueue(() => this.compact()).catch(() => undefined);
    }
    this.release();
  }

  get isUnloaded(): boolean {
    return this.unloaded;
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** Whether edits are waiting for their settle work (the server runs it from the store when the room breaks). */
  get hasUnsettledEdits(): boolean {
    return this.settleTimer !== undefined;
  }

  /** The user whose edit was integrated last. */
  get lastEditor(): string | undefined {
    return this.lastEditorUserId;
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.broken) throw new StoreUnavailableError("the document is being reloaded from the store");
      return task();
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Checks, applies, stores, then broadcasts one update. Runs inside the queue. */
  private async integrate(
    update: Uint8Array,
    userId: string,
    source: CollabConnection | undefined,
  ): Promise<void> {
    const check = checkUpdate(this.doc, update);
    if (check.addsContent) this.checkSize(update.length);
    const changes: Uint8Array[] = [];
    const capture = (change: Uint8Array) => changes.push(change);
    this.doc.on("update", capture);
    let applyError: unknown;
    try {
      Y.applyUpdate(this.doc, update, source ?? "server");
    } catch (error) {
      applyError = error;
    } finally {
      this.doc.off("update", capture);
    }
    // checkUpdate lets nothing through that Yjs would keep pending; should it still, none of it stays.
    const partial = dropPending(this.doc);
    if (applyError !== undefined) {
      // The document may hold part of the update now, which the store never will.
      this.breakRoom(applyError, source, CLOSE_CODES.malformed);
      throw new MalformedFrameError(`update could not be applied: ${(applyError as Error).message}`);
    }
    for (const change of changes) {
      try {
        this.lastUpdateId = await this.store.append(this.documentId, change);
      } catch (error) {
        this.hooks.stored(this.documentId, error);
        this.breakRoom(error, source, CLOSE_CODES.storeUnavailable);
        throw new StoreUnavailableError(`update could not be stored: ${(error as Error).message}`);
      }
      this.hooks.stored(this.documentId);
      this.logLength++;
      this.approxBytes += change.length;
      const frame = encodeUpdate(change);
      for (const conn of this.connections) if (conn !== source) conn.send(frame);
    }
    if (changes.length > 0) {
      this.lastEditorUserId = userId;
      this.scheduleSettled();
      this.scheduleTouch();
      if (this.logLength >= this.settings.compactEveryUpdates) await this.compact();
    }
    if (partial) throw new MissingDependenciesError("part of the update depended on missing content");
  }

  private checkSize(incoming: number): void {
    const max = this.settings.maxDocumentBytes;
    if (this.approxBytes + incoming <= max) return;
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).length;
    if (this.approxBytes + incoming > max)
      throw new DocumentTooLargeError(`document would exceed ${max} bytes`);
  }

  /** Folds the update log into one state row. Runs inside the queue; a failure keeps the log. */
  private async compact(): Promise<void> {
    if (this.logLength === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compact(this.documentId, state, this.lastUpdateId);
    } catch (error) {
      this.hooks.stored(this.documentId, error);
      this.logger.warn("collab compaction failed; the update log is kept", {
        documentId: this.documentId,
        error: String(error),
      });
      return;
    }
    this.hooks.stored(this.documentId);
    this.logLength = 0;
    this.approxBytes = state.length;
  }

  /** Marks the room as no longer matching the store and hands it to the server to discard. */
  private breakRoom(error: unknown, source: CollabConnection | undefined, sourceCode: number): void {
    if (this.broken) return;
    this.broken = true;
    source?.close(
      sourceCode,
      sourceCode === CLOSE_CODES.malformed ? "malformed update" : "update could not be stored",
    );
    this.hooks.broken(this, error);
  }

  /** Closes every socket (they reconnect and re-sync) and releases the room's timers and presence. */
  discard(code: number, reason: string): void {
    for (const conn of Array.from(this.connections)) conn.close(code, reason);
    this.unloaded = true;
    this.release();
  }

  private release(): void {
    this.cancelIdle();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.touchTimer) clearTimeout(this.touchTimer);
    this.settleTimer = undefined;
    this.touchTimer = undefined;
    this.awareness.off("update", this.relayAwareness);
    this.awareness.destroy();
  }

  private receiveAwareness(conn: CollabConnection, update: Uint8Array): void {
    if (update.length > this.settings.maxAwarenessBytes) {
      this.logger.debug("collab awareness too large, dropped", { documentId: this.documentId });
      return;
    }
    const admitted = admitAwareness(
      update,
      conn,
      (id) => {
        const owner = this.awarenessOwners.get(id);
        return owner !== undefined && owner !== conn && owner.isOpen;
      },
      this.settings.maxAwarenessClientsPerSocket,
    );
    for (const id of conn.awarenessClientIds) this.awarenessOwners.set(id, conn);
    if (!admitted) return;
    try {
      applyAwarenessUpdate(this.awareness, admitted, conn);
    } catch (error) {
      throw new MalformedFrameError(`awareness could not be applied: ${(error as Error).message}`);
    }
  }

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const frame = encodeAwareness(this.awareness, changed);
    for (const c of this.connections) c.send(frame);
  };

  private closeForError(conn: CollabConnection, error: unknown): void {
    if (error instanceof DocumentTooLargeError) {
      conn.close(CLOSE_CODES.documentTooLarge, "document too large");
    } else if (error instanceof MalformedFrameError) {
      conn.close(CLOSE_CODES.malformed, "malformed update");
    } else if (error instanceof MissingDependenciesError) {
      conn.close(CLOSE_CODES.resyncNeeded, "update depends on missing content");
    } else if (error instanceof StoreUnavailableError) {
      conn.close(CLOSE_CODES.storeUnavailable, "update could not be stored");
    } else {
      this.logger.error("collab update failed", { documentId: this.documentId, error: String(error) });
      conn.close(1011, "update could not be stored");
    }
  }

  private scheduleSettled(): void {
    const now = Date.now();
    this.settleSince ??= now;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    const delay = Math.max(
      0,
      Math.min(this.settings.settleDebounceMs, this.settleSince + this.settings.settleMaxWaitMs - now),
    );
    this.settleTimer = setTimeout(() => this.fireSettled(), delay);
  }

  private fireSettled(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.settleSince = undefined;
    const userId = this.lastEditorUserId;
    if (!userId) return;
    // Encoded inside the queue, so settle work only ever sees stored content.
    this.encodeStoredState().then(
      (state) => this.hooks.settled(this.documentId, state, userId),
      () => undefined,
    );
  }

  private scheduleTouch(): void {
    this.touchPending = true;
    if (this.touchTimer) return;
    const wait = Math.max(0, this.lastTouchAt + this.settings.touchEveryMs - Date.now());
    this.touchTimer = setTimeout(() => void this.touch(), wait);
  }

  private async touch(): Promise<void> {
    if (this.touchTimer) clearTimeout(this.touchTimer);
    this.touchTimer = undefined;
    if (!this.touchPending || !this.lastEditorUserId) return;
    this.touchPending = false;
    this.lastTouchAt = Date.now();
    try {
      await this.store.touch(this.documentId, this.lastEditorUserId, nowIso());
    } catch (error) {
      this.logger.warn("collab could not record the last editor", {
        documentId: this.documentId,
        error: String(error),
      });
    }
  }

  private scheduleIdle(): void {
    this.cancelIdle();
    if (this.unloaded) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.connections.size === 0) this.hooks.idle(this);
    }, this.settings.unloadGraceMs);
    this.idleTimer.unref();
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
