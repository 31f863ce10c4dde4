import * as Y from "yjs";
import { CLOSE_CODES } from "../../shared/close-codes";
import { encodeSaveCheckAnswer } from "../../shared/collab-messages";
import { nowIso } from "../ids";
import type { Logger } from "../logger";
import type { CollabConnection } from "./connection";
import { applyRepairing, type ContentRepair } from "./content-repair";
import { EditFollowUp } from "./edit-follow-up";
import type { CollabSettings } from "./limits";
import type { DocumentStore, LoadedDocument } from "./persistence";
import {
  type ClientFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedFrameError,
} from "./protocol";
import { closeFor, DocumentTooLargeError, StoreUnavailableError } from "./room-errors";
import { RoomPresence } from "./room-presence";
import type { RelayLink } from "./room-relay";
import { checkUpdate, dropPending, MissingDependenciesError } from "./update-check";

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

/** Close codes after which a socket's queued edits are dropped: the server refused that socket. */
const ABANDONED: ReadonlySet<number> = new Set([
  CLOSE_CODES.malformed,
  CLOSE_CODES.rateLimited,
  CLOSE_CODES.resyncNeeded,
]);

/**
 * One loaded document and everyone connected to it. Every change runs through one queue: an
 * update is checked, applied, appended to the store and only then broadcast, in order. The room's
 * Y.Doc never holds what the store does not: when an append fails the room breaks and is reloaded.
 */
export class DocumentRoom {
  readonly doc: Y.Doc;
  readonly presence: RoomPresence;
  readonly connections = new Set<CollabConnection>();
  /** Updates dropped because they came from read-only sockets (observable in tests and logs). */
  droppedReadOnlyUpdates = 0;
  private queue: Promise<void> = Promise.resolve();
  private lastUpdateId: number;
  private logLength: number;
  private approxBytes: number;
  private readonly followUp: EditFollowUp;
  private idleTimer: NodeJS.Timeout | undefined;
  private unloaded = false;
  private broken = false;

  constructor(
    readonly documentId: string,
    loaded: LoadedDocument,
    private readonly store: DocumentStore,
    private readonly settings: CollabSettings,
    private readonly hooks: RoomHooks,
    private readonly logger: Logger,
    private readonly repair: ContentRepair,
    /** The other instances (scale-out mode); silent with one instance. */
    private readonly relay: RelayLink = { publishUpdate() {}, publishAwareness() {}, close() {} },
    /** Several instances append to this document: compaction folds the stored rows, never this Y.Doc. */
    private readonly sharedLog = false,
  ) {
    this.doc = loaded.doc;
    this.followUp = new EditFollowUp(settings, {
      settle: (userId) => this.settle(userId),
      touch: (userId, editors) => this.touch(userId, editors),
    });
    this.lastUpdateId = loaded.lastUpdateId;
    this.logLength = loaded.logLength;
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).length;
    this.presence = new RoomPresence(
      this.doc,
      documentId,
      settings,
      logger,
      () => this.connections,
      (update) => this.relay.publishAwareness(update),
    );
    if (loaded.droppedPendingBytes > 0) {
      // Stored before the server refused such updates: fold the log now so the bytes go for good.
      this.logger.warn("collab dropped stored content with missing dependencies", {
        documentId,
        bytes: loaded.droppedPendingBytes,
      });
      this.logLength = Math.max(this.logLength, 1);
      void this.enqueue(() => this.compact()).catch(() => undefined);
    }
    // Queued before any newcomer's sync step 2, so nobody is sent what an editor cannot read.
    void this.enqueue(() => this.repairLoaded()).catch(() => undefined);
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
    this.presence.greet(conn);
  }

  /** Removes a connection and its presence; starts the grace period when the room empties. */
  leave(conn: CollabConnection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.forget(conn, this.unloaded);
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
        this.enqueueFor(conn, () => {
          if (conn.isOpen) conn.send(encodeSyncStep2(this.doc, frame.stateVector));
        });
        return;
      case "syncStep2":
      case "update":
        if (!conn.canWrite) {
          this.droppedReadOnlyUpdates++;
          return;
        }
        this.enqueueFor(conn, () => {
          // Refused sockets' edits come again through their reconnect's sync, if they are edits at all.
          if (conn.closedWith !== undefined && ABANDONED.has(conn.closedWith)) return;
          return this.integrate(frame.update, conn.identity.userId, conn);
        });
        return;
      case "awareness":
        this.presence.receive(conn, frame.update);
        return;
      case "queryAwareness":
        this.presence.answer(conn);
        return;
      case "saveCheck":
        // Behind this socket's earlier frames in the queue: each of its edits is stored (or it was closed).
        this.enqueueFor(conn, () => {
          if (conn.isOpen) conn.send(encodeSaveCheckAnswer(frame.seq, conn.canWrite));
        });
        return;
    }
  }

  /**
   * Queues a socket's frame. A socket never has more than `maxQueuedPerSocket` frames waiting: one
   * that sends faster than the room works is closed as rate limited, so no socket can grow the
   * queue (and everyone's wait) without bound, not even by closing and opening sockets.
   */
  private enqueueFor(conn: CollabConnection, task: () => void | Promise<void>): void {
    if (conn.queued >= this.settings.maxQueuedPerSocket) {
      conn.close(CLOSE_CODES.rateLimited, "too many messages waiting");
      return;
    }
    conn.queued++;
    void this.enqueue(async () => {
      conn.queued--;
      await task();
    }).catch((error) => this.closeForError(conn, error));
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
      await this.followUp.runNow();
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
    return this.followUp.hasUnsettledEdits;
  }

  /** The user whose edit was integrated last. */
  get lastEditor(): string | undefined {
    return this.followUp.lastEditor;
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

  /**
   * Checks, applies, stores, then broadcasts one update. Runs inside the queue. A change that leaves
   * content an editor cannot read is stored and sent together with its repair, to its sender too.
   * `userId` is undefined for the server's own repairs, which are no edit of anyone's.
   */
  private async integrate(
    update: Uint8Array,
    userId: string | undefined,
    source: CollabConnection | undefined,
  ): Promise<void> {
    const check = checkUpdate(this.doc, update);
    if (check.addsContent) this.checkSize(update.length);
    const changes: Uint8Array[] = [];
    let repaired = false;
    let applyError: unknown;
    const capture = (change: Uint8Array) => changes.push(change);
    this.doc.on("update", capture);
    try {
      // The server's own repairs are not checked again.
      const repair = applyRepairing(
        this.doc,
        update,
        source ?? "server",
        userId === undefined ? null : this.repair,
      );
      if (repair) {
        this.logger.warn("collab repaired nodes an editor cannot read", {
          documentId: this.documentId,
          userId,
          types: repair.types,
        });
        repaired = true;
      }
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
    // A change and its repair are stored and sent as one: nobody ever holds the one without the other.
    const stored = repaired && changes.length > 1 ? [Y.mergeUpdates(changes)] : changes;
    for (const change of stored) {
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
      for (const conn of this.connections) if (repaired || conn !== source) conn.send(frame);
      // Stored first: another instance that hears of it can always find it in the log.
      this.relay.publishUpdate(change);
    }
    if (stored.length > 0) {
      if (userId !== undefined) this.followUp.edited(userId);
      if (this.logLength >= this.settings.compactEveryUpdates) await this.compact();
    }
    if (partial) throw new MissingDependenciesError("part of the update depended on missing content");
  }

  /**
   * An update another instance stored (scale-out mode): applied and sent to this instance's sockets,
   * in the same queue as local edits. One that needs content this room lacks (a message was lost)
   * makes the room catch up from the store instead of keeping it pending.
   */
  receiveRemote(update: Uint8Array): void {
    void this.enqueue(() => {
      const missing = this.applyFromElsewhere(update);
      this.logLength++;
      if (missing) return this.catchUpNow();
    }).catch((error) => this.remoteFailed(error));
  }

  /** Something from the other instances may have been missed: take what the store has and this room lacks. */
  catchUp(): void {
    void this.enqueue(() => this.catchUpNow()).catch((error) => this.remoteFailed(error));
  }

  private async catchUpNow(): Promise<void> {
    const stored = await this.store.load(this.documentId);
    const missing = Y.encodeStateAsUpdate(stored.doc, Y.encodeStateVector(this.doc));
    stored.doc.destroy();
    if (this.applyFromElsewhere(missing)) {
      // The store itself lacks what this update needs: nothing more to learn now.
      this.logger.warn("collab catch-up left content with missing dependencies", {
        documentId: this.documentId,
      });
    }
  }

  /** Applies stored content from elsewhere and sends what it changed to every socket; whether dependencies were missing. */
  private applyFromElsewhere(update: Uint8Array): boolean {
    const changes: Uint8Array[] = [];
    const capture = (change: Uint8Array) => changes.push(change);
    this.doc.on("update", capture);
    try {
      Y.applyUpdate(this.doc, update, "relay");
    } finally {
      this.doc.off("update", capture);
    }
    const missing = dropPending(this.doc);
    for (const change of changes) {
      this.approxBytes += change.length;
      const frame = encodeUpdate(change);
      for (const conn of this.connections) conn.send(frame);
    }
    return missing;
  }

  private remoteFailed(error: unknown): void {
    if (error instanceof StoreUnavailableError) return;
    this.logger.warn("collab could not take another instance's update", {
      documentId: this.documentId,
      error: String(error),
    });
    // The room may now differ from the store in a way nobody can tell: reload it from the store.
    this.breakRoom(error, undefined, CLOSE_CODES.storeUnavailable);
  }

  /** Repairs, stores and (to nobody yet) sends what the loaded document holds that no editor can read. */
  private async repairLoaded(): Promise<void> {
    const repair = this.repair.onLoad(this.doc);
    if (!repair) return;
    this.logger.warn("collab repaired stored nodes an editor cannot read", {
      documentId: this.documentId,
      types: repair.types,
    });
    await this.integrate(repair.update, undefined, undefined);
  }

  private checkSize(incoming: number): void {
    const max = this.settings.maxDocumentBytes;
    if (this.approxBytes + incoming <= max) return;
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).length;
    if (this.approxBytes + incoming > max)
      throw new DocumentTooLargeError(`document would exceed ${max} bytes`);
  }

  /**
   * Folds the update log into one state row. Runs inside the queue; a failure keeps the log. With
   * several instances appending, the stored rows are folded (one compactor at a time), never this
   * room's state, which may lack another instance's latest update.
   */
  private async compact(): Promise<void> {
    if (this.logLength === 0) return;
    const state = this.sharedLog ? undefined : Y.encodeStateAsUpdate(this.doc);
    try {
      if (state) await this.store.compact(this.documentId, state, this.lastUpdateId);
      else await this.store.foldStored(this.documentId);
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
    if (state) this.approxBytes = state.length;
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
    this.relay.close();
    this.cancelIdle();
    this.followUp.stop();
    this.presence.destroy();
  }

  private closeForError(conn: CollabConnection, error: unknown): void {
    const close = closeFor(error);
    if (close.code === 1011)
      this.logger.error("collab update failed", { documentId: this.documentId, error: String(error) });
    conn.close(close.code, close.reason);
  }

  /** Settle work on the stored state: encoded inside the queue, so it never sees unstored content. */
  private settle(userId: string): void {
    this.encodeStoredState().then(
      (state) => this.hooks.settled(this.documentId, state, userId),
      () => undefined,
    );
  }

  private async touch(userId: string, editors: string[]): Promise<void> {
    try {
      await this.store.touch(this.documentId, userId, nowIso(), editors);
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
