import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../shared/close-codes";
import { nowIso } from "../ids";
import type { Logger } from "../logger";
import type { CollabConnection } from "./connection";
import type { CollabSettings } from "./limits";
import type { DocumentStore, LoadedDocument } from "./persistence";
import {
  awarenessClientIds,
  type ClientFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedFrameError,
} from "./protocol";

/** Raised when an update would make the document larger than allowed. */
export class DocumentTooLargeError extends Error {
  override name = "DocumentTooLargeError";
}

export interface RoomHooks {
  /** Edits stopped for a moment (debounced): text extraction and indexing hang here. */
  settled(documentId: string, state: Uint8Array, lastEditorUserId: string): void;
  /** The last connection left and the grace period passed. */
  idle(room: DocumentRoom): void;
}

/**
 * One loaded document and everyone connected to it. Every change runs through one queue, so
 * updates are applied, stored and only then broadcast, in order.
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
  }

  /** Adds an authenticated connection and starts the sync handshake. */
  join(conn: CollabConnection): void {
    this.cancelIdle();
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size > 0) conn.send(encodeAwareness(this.awareness));
  }

  /** Removes a connection and its presence; starts the grace period when the room empties. */
  leave(conn: CollabConnection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessClientIds.size > 0) {
      removeAwarenessStates(this.awareness, Array.from(conn.awarenessClientIds), null);
    }
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
    await this.flush();
    if (this.settleTimer) this.fireSettled();
    if (this.touchTimer || this.touchPending) await this.touch();
    await this.enqueue(() => this.compact());
    this.awareness.off("update", this.relayAwareness);
    this.awareness.destroy();
  }

  get isUnloaded(): boolean {
    return this.unloaded;
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Applies, stores, then broadcasts one update. Runs inside the queue. */
  private async integrate(
    update: Uint8Array,
    userId: string,
    source: CollabConnection | undefined,
  ): Promise<void> {
    if (this.approxBytes + update.length > this.settings.maxDocumentBytes) {
      this.approxBytes = Y.encodeStateAsUpdate(this.doc).length;
      if (this.approxBytes + update.length > this.settings.maxDocumentBytes) {
        throw new DocumentTooLargeError(`document would exceed ${this.settings.maxDocumentBytes} bytes`);
      }
    }
    const changes: Uint8Array[] = [];
    const capture = (change: Uint8Array) => changes.push(change);
    this.doc.on("update", capture);
    try {
      Y.applyUpdate(this.doc, update, source ?? "server");
    } catch (error) {
      throw new MalformedFrameError(`update could not be applied: ${(error as Error).message}`);
    } finally {
      this.doc.off("update", capture);
    }
    for (const change of changes) {
      this.lastUpdateId = await this.store.append(this.documentId, change);
      this.logLength++;
      this.approxBytes += change.length;
      const frame = encodeUpdate(change);
      for (const conn of this.connections) if (conn !== source) conn.send(frame);
    }
    if (changes.length === 0) return;
    this.lastEditorUserId = userId;
    this.scheduleSettled();
    this.scheduleTouch();
    if (this.logLength >= this.settings.compactEveryUpdates) await this.compact();
  }

  /** Folds the update log into one state row. Runs inside the queue. */
  private async compact(): Promise<void> {
    if (this.logLength === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.documentId, state, this.lastUpdateId);
    this.logLength = 0;
    this.approxBytes = state.length;
  }

  private receiveAwareness(conn: CollabConnection, update: Uint8Array): void {
    if (update.length > this.settings.maxAwarenessBytes) {
      this.logger.debug("collab awareness too large, dropped", { documentId: this.documentId });
      return;
    }
    const ids = awarenessClientIds(update);
    // A socket may not speak for presence entries another socket introduced.
    for (const other of this.connections) {
      if (other !== conn && other.isOpen && ids.some((id) => other.awarenessClientIds.has(id))) return;
    }
    try {
      applyAwarenessUpdate(this.awareness, update, conn);
    } catch (error) {
      throw new MalformedFrameError(`awareness could not be applied: ${(error as Error).message}`);
    }
  }

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = this.connections.has(origin as CollabConnection) ? (origin as CollabConnection) : undefined;
    if (conn) {
      for (const id of added) conn.awarenessClientIds.add(id);
      for (const id of removed) conn.awarenessClientIds.delete(id);
    }
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
    void this.encodeStoredState().then((state) => this.hooks.settled(this.documentId, state, userId));
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
