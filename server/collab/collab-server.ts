import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../shared/close-codes";
import type { Logger } from "../logger";
import { CollabAdmission } from "./admission";
import { CollabConnection } from "./connection";
import { type ContentRepair, keepContentAsIs } from "./content-repair";
import { DocumentRoom } from "./document-room";
import { type CollabSettings, defaultCollabSettings } from "./limits";
import type { DocumentStore } from "./persistence";
import { MalformedFrameError, parseClientFrame } from "./protocol";
import { StoreUnavailableError } from "./room-errors";
import { type RelayInbound, type RoomRelay, singleInstance } from "./room-relay";
import { StoreHealth } from "./store-health";
import type { UpgradeAuthenticator, UpgradeVerdict } from "./upgrade-auth";
import { parseUpgradeTarget, refuseUpgrade } from "./upgrade-request";

/**
 * Called after edits to a document settle, with the document's stored state encoded as one update;
 * text extraction and indexing hang here.
 */
export type DocumentSettledListener = (
  documentId: string,
  state: Uint8Array,
  lastEditorUserId: string,
) => void | Promise<void>;

/**
 * The collaboration server: y-websocket protocol at /collab/:documentId on the app's HTTP server,
 * one room per loaded document, authenticated at the upgrade.
 */
export class CollabServer {
  readonly settings: CollabSettings;
  /** Whether document writes work; /healthz reports `database` down while they fail. */
  readonly storeHealth: StoreHealth;
  private readonly admission: CollabAdmission;
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly loading = new Map<string, Promise<DocumentRoom>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly settledListeners = new Set<DocumentSettledListener>();
  private readonly pending = new Set<WebSocket>();
  /** Settled listeners still running; close waits for them before the database goes. */
  private readonly settling = new Set<Promise<void>>();
  private closing = false;
  /** Bumped on every access event, so an authentication that raced one is done again. */
  private accessEpoch = 0;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly store: DocumentStore,
    private readonly authenticator: UpgradeAuthenticator,
    private readonly logger: Logger,
    settings: Partial<CollabSettings> = {},
    private readonly contentRepair: ContentRepair = keepContentAsIs,
    /** The other instances (scale-out mode); nobody with one instance. */
    private readonly relay: RoomRelay = singleInstance,
  ) {
    this.settings = { ...defaultCollabSettings(), ...settings };
    // Lost contact with the other instances: every socket goes, so its client re-syncs once it is back.
    this.cleanups.push(
      relay.onAvailability((available) => {
        if (available) return;
        for (const socket of this.pending)
          socket.close(CLOSE_CODES.relayUnavailable, "instances out of contact");
        for (const conn of Array.from(this.connections()))
          conn.close(CLOSE_CODES.relayUnavailable, "instances out of contact");
      }),
    );
    this.admission = new CollabAdmission(() => this.settings);
    this.storeHealth = new StoreHealth((documentId) => this.store.probe(documentId), logger);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.settings.maxFrameBytes });
    this.wss.on("error", (error) => this.logger.error("collab server error", { error: error.message }));
  }

  /** Attaches the single `upgrade` listener to the HTTP server. */
  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // Nothing a request carries may end the process: whatever throws gets a 400 for that socket only.
      try {
        this.handleUpgrade(req, socket, head);
      } catch (error) {
        this.logger.warn("collab upgrade failed", { error: String(error) });
        refuseUpgrade(socket, 400, "bad upgrade request");
      }
    });
  }

  /** Registers a listener for settled documents; returns a function that removes it. */
  onDocumentSettled(listener: DocumentSettledListener): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** The document's current stored state encoded as one update (what readDocument copies). */
  async readDocumentState(documentId: string): Promise<Uint8Array> {
    const room = this.rooms.get(documentId);
    if (room) {
      try {
        return await room.encodeStoredState();
      } catch (error) {
        // A room that broke meanwhile is no source; the store is.
        if (!(error instanceof StoreUnavailableError)) throw error;
      }
    }
    await this.unloading.get(documentId);
    return Y.encodeStateAsUpdate((await this.store.load(documentId)).doc);
  }

  /** A copy of the document's current state: from memory when loaded, else from the database. */
  async readDocument(documentId: string): Promise<Y.Doc> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, await this.readDocumentState(documentId));
    return copy;
  }

  /** A trusted server-side write (e.g. seeding a document), stored and broadcast like any update. */
  async applyServerUpdate(documentId: string, update: Uint8Array, userId: string): Promise<void> {
    if (!(await this.store.findDocument(documentId)))
      throw new Error(`document ${documentId} does not exist`);
    const room = await this.room(documentId);
    try {
      await room.applyTrusted(update, userId);
    } finally {
      room.releaseIfEmpty();
    }
  }

  /** Runs `cleanup` when the server closes (e.g. to unsubscribe from events). */
  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Marks that memberships, sessions or documents changed while sockets may be authenticating. */
  noteAccessChange(): void {
    this.accessEpoch++;
  }

  /** Open connections, for the access-event handlers. */
  *connections(): Iterable<CollabConnection> {
    for (const room of this.rooms.values()) yield* room.connections;
  }

  /** Loaded document ids (for tests and diagnostics). */
  loadedDocumentIds(): string[] {
    return Array.from(this.rooms.keys());
  }

  /** The loaded room of a document, if any (for tests and diagnostics). */
  loadedRoom(documentId: string): DocumentRoom | undefined {
    return this.rooms.get(documentId);
  }

  /** Closes every socket (clients reconnect later), stores pending work and compacts. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const cleanup of this.cleanups) cleanup();
    this.admission.close();
    this.storeHealth.close();
    for (const socket of this.pending) socket.close(CLOSE_CODES.serverShutdown, "server shutting down");
    for (const conn of this.connections()) conn.close(CLOSE_CODES.serverShutdown, "server shutting down");
    await Promise.allSettled(this.loading.values());
    await Promise.all(Array.from(this.rooms.values(), (room) => this.unload(room)));
    await Promise.allSettled(this.unloading.values());
    await Promise.allSettled(this.settling);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", (error) => this.logger.debug("collab upgrade socket error", { error: error.message }));
    const target = parseUpgradeTarget(req);
    if (!target.ok) {
      refuseUpgrade(socket, target.status, target.reason);
      return;
    }
    if (this.closing) {
      refuseUpgrade(socket, 503, "server shutting down");
      return;
    }
    if (!this.relay.available) {
      // Accepted and closed with a retryable code, so the provider backs off and tries again.
      this.wss.handleUpgrade(req, socket, head, (ws) =>
        ws.close(CLOSE_CODES.relayUnavailable, "instances out of contact"),
      );
      return;
    }
    // Before any authentication work: one address cannot flood the door.
    const refused = this.admission.admitUpgrade(req.socket.remoteAddress ?? "unknown");
    if (refused) {
      refuseUpgrade(socket, 429, refused.reason);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, req, target.documentId));
  }

  /** Authenticates after accepting, so a refusal is a close code that stops the provider's retries. */
  private async accept(ws: WebSocket, req: IncomingMessage, documentId: string): Promise<void> {
    ws.on("error", (error) => this.logger.debug("collab socket error", { error: error.message }));
    const early: Array<{ data: Buffer; isBinary: boolean }> = [];
    let earlyBytes = 0;
    const buffer = (data: Buffer, isBinary: boolean) => {
      // Frames sent before authentication finishes are kept, but only a burst's worth.
      earlyBytes += data.length;
      if (
        early.push({ data, isBinary }) > this.settings.messageBurst ||
        earlyBytes > this.settings.maxEarlyBytes
      ) {
        early.length = 0;
        ws.close(CLOSE_CODES.rateLimited, "too many messages");
      }
    };
    ws.on("message", buffer);
    this.pending.add(ws);
    try {
      const { verdict, epoch } = await this.authenticateSettled(req, documentId);
      if (!verdict.ok) {
        ws.close(verdict.code, verdict.reason);
        return;
      }
      const { identity } = verdict;
      const admitted = this.admission.admitSocket(identity.userId, identity.sessionId);
      if ("reason" in admitted) {
        ws.close(CLOSE_CODES.rateLimited, admitted.reason);
        return;
      }
      ws.once("close", admitted.release);
      if (identity.mode === "readWrite" && this.storeHealth.failing) {
        // Refused before it syncs, so the provider backs off until the store writes again.
        ws.close(CLOSE_CODES.storeUnavailable, "edits cannot be stored right now");
        return;
      }
      const room = await this.room(documentId);
      // Access events only reach joined connections: one that came while the room loaded is
      // applied by authenticating again (same cookie, so the same user and session).
      const joining =
        epoch === this.accessEpoch ? verdict : (await this.authenticateSettled(req, documentId)).verdict;
      if (ws.readyState !== ws.OPEN || this.closing || !joining.ok) {
        room.releaseIfEmpty();
        if (!joining.ok) ws.close(joining.code, joining.reason);
        return;
      }
      const conn = new CollabConnection(ws, joining.identity, this.settings, this.logger);
      ws.off("message", buffer);
      ws.on("message", (data: Buffer, isBinary: boolean) => this.onMessage(room, conn, data, isBinary));
      ws.once("close", () => room.leave(conn));
      room.join(conn);
      for (const { data, isBinary } of early) this.onMessage(room, conn, data, isBinary);
    } catch (error) {
      this.logger.error("collab connection failed", { documentId, error: String(error) });
      ws.close(1011, "internal error");
    } finally {
      this.pending.delete(ws);
    }
  }

  /** Authenticates until no access event came meanwhile; the epoch it settled at is returned. */
  private async authenticateSettled(
    req: IncomingMessage,
    documentId: string,
  ): Promise<{ verdict: UpgradeVerdict; epoch: number }> {
    let verdict: UpgradeVerdict;
    let epoch: number;
    do {
      epoch = this.accessEpoch;
      verdict = await this.authenticator.authenticate(req, documentId);
    } while (epoch !== this.accessEpoch);
    return { verdict, epoch };
  }

  private onMessage(room: DocumentRoom, conn: CollabConnection, data: Buffer, isBinary: boolean): void {
    if (!conn.isOpen) return;
    if (!this.admission.admitMessage(conn.identity.userId)) {
      conn.close(CLOSE_CODES.rateLimited, "too many messages");
      return;
    }
    try {
      if (!isBinary) throw new MalformedFrameError("text frames are not part of the protocol");
      room.receive(conn, parseClientFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    } catch (error) {
      if (!(error instanceof MalformedFrameError))
        this.logger.error("collab message failed", { error: String(error) });
      // Whoever breaks the protocol waits before their next socket is let in.
      this.admission.coolDown(conn.identity.userId);
      conn.close(CLOSE_CODES.malformed, "malformed frame");
    }
  }

  /** The room of a document, loading it (after any unload still in progress) when needed. */
  private async room(documentId: string): Promise<DocumentRoom> {
    const loaded = this.rooms.get(documentId);
    if (loaded) return loaded;
    let loading = this.loading.get(documentId);
    if (!loading) {
      loading = (async () => {
        await this.unloading.get(documentId);
        // Listening to the other instances before loading: what they store after the load is heard.
        let room: DocumentRoom | undefined;
        const early: Array<(r: DocumentRoom) => void> = [];
        const to = (work: (r: DocumentRoom) => void) => (room ? work(room) : early.push(work));
        const inbound: RelayInbound = {
          update: (update) => to((r) => r.receiveRemote(update)),
          awareness: (update, instanceId) => to((r) => r.presence.receiveRemote(update, instanceId)),
          catchUp: () => to((r) => r.catchUp()),
          instanceGone: (instanceId) => to((r) => r.presence.dropInstance(instanceId)),
        };
        const link = await this.relay.open(documentId, inbound);
        let doc: Awaited<ReturnType<DocumentStore["load"]>>;
        try {
          doc = await this.store.load(documentId);
        } catch (error) {
          link.close();
          throw error;
        }
        room = new DocumentRoom(
          documentId,
          doc,
          this.store,
          this.settings,
          {
            settled: (id, state, userId) => this.emitSettled(id, state, userId),
            idle: (r) => void this.unload(r),
            broken: (r, error) => this.discardBroken(r, error),
            stored: (_id, error) =>
              error === undefined
                ? this.storeHealth.recordSuccess()
                : this.storeHealth.recordFailure(documentId, error),
          },
          this.logger,
          this.contentRepair,
          link,
          this.relay.shared,
        );
        this.rooms.set(documentId, room);
        for (const work of early) work(room);
        return room;
      })().finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, loading);
    }
    return loading;
  }

  private unload(room: DocumentRoom): Promise<void> {
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    const existing = this.unloading.get(room.documentId);
    if (existing) return existing;
    const done = room
      .unload()
      .catch((error) =>
        this.logger.error("collab unload failed", { documentId: room.documentId, error: String(error) }),
      )
      .finally(() => {
        if (this.unloading.get(room.documentId) === done) this.unloading.delete(room.documentId);
      });
    this.unloading.set(room.documentId, done);
    return done;
  }

  /**
   * A room whose document may hold what the store does not: forget it, so the next socket loads
   * the document from the store, and close its sockets with a retryable code so every client
   * sends again what the server lacks. Settle work still due runs on the stored state.
   */
  private discardBroken(room: DocumentRoom, error: unknown): void {
    this.logger.warn("collab room reloads from the store", {
      documentId: room.documentId,
      error: String(error),
    });
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    const unsettledBy = room.hasUnsettledEdits ? room.lastEditor : undefined;
    room.discard(CLOSE_CODES.storeUnavailable, "the document is reloaded from the store");
    if (unsettledBy) {
      void this.readDocumentState(room.documentId).then(
        (state) => this.emitSettled(room.documentId, state, unsettledBy),
        (readError) =>
          this.logger.warn("collab could not settle a reloaded document", {
            documentId: room.documentId,
            error: String(readError),
          }),
      );
    }
  }

  private emitSettled(documentId: string, state: Uint8Array, userId: string): void {
    for (const listener of this.settledListeners) {
      const run: Promise<void> = Promise.resolve()
        .then(() => listener(documentId, state, userId))
        .catch((error) =>
          this.logger.error("document settled listener failed", { documentId, error: String(error) }),
        )
        .finally(() => this.settling.delete(run));
      this.settling.add(run);
    }
  }
}
