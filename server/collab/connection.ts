import WebSocket from "ws";
import type { Role } from "../../shared/roles";
import { userColor } from "../../shared/user-color";
import type { Logger } from "../logger";
import type { PresenceIdentity } from "./presence";
import { encodeKeepAlive } from "./protocol";

/** What a socket may do with the document: write (editors, facilitators) or only read. */
export type AccessMode = "readWrite" | "readOnly";

/** Who is behind a socket, as established at the upgrade. */
export interface ConnectionIdentity {
  userId: string;
  /** The user's display name, shown to others in presence. */
  name: string;
  sessionId: string;
  workspaceId: string;
  documentId: string;
  role: Role;
  mode: AccessMode;
}

const keepAliveFrame = encodeKeepAlive();

/**
 * One authenticated WebSocket on one document: sends with backpressure checks, closes once with a
 * code and reason, and keeps the connection honest both ways: every `keepAliveIntervalMs` it pings
 * (a browser answers pings itself) and sends a keep-alive frame (the provider notes every frame it
 * reads; a browser sees no pings). A socket that answered no ping for `deadConnectionMs` is dropped,
 * so its person leaves everyone's presence within seconds of a network cut, not after a TCP timeout.
 */
export class CollabConnection {
  /** Awareness client ids this socket introduced; removed from presence when it closes. */
  readonly awarenessClientIds = new Set<number>();
  /** What others see of this socket in presence, from the session (never from the client). */
  readonly presence: PresenceIdentity;
  /** Frames of this socket waiting in its room's queue (bounded by CollabSettings.maxQueuedPerSocket). */
  queued = 0;
  /** The code the server closed this socket with, if it did. */
  closedWith: number | undefined;
  private closed = false;
  private lastPong = performance.now();
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    readonly socket: WebSocket,
    readonly identity: ConnectionIdentity,
    private readonly options: {
      maxBufferedBytes: number;
      keepAliveIntervalMs: number;
      deadConnectionMs: number;
    },
    private readonly logger: Logger,
  ) {
    this.presence = { userId: identity.userId, name: identity.name, color: userColor(identity.userId) };
    socket.on("pong", () => {
      this.lastPong = performance.now();
    });
    this.pingTimer = setInterval(() => this.keepAlive(), options.keepAliveIntervalMs);
    this.pingTimer.unref();
    socket.once("close", () => {
      this.closed = true;
      clearInterval(this.pingTimer);
    });
  }

  private keepAlive(): void {
    if (performance.now() - this.lastPong > this.options.deadConnectionMs) {
      this.logger.debug("collab socket silent, dropped", { documentId: this.identity.documentId });
      this.socket.terminate();
      return;
    }
    try {
      this.socket.ping();
    } catch {
      this.socket.terminate();
      return;
    }
    this.send(keepAliveFrame);
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === WebSocket.OPEN;
  }

  get canWrite(): boolean {
    return this.identity.mode === "readWrite";
  }

  /** Sends one frame; a socket that stopped reading (too much queued) is closed instead. */
  send(frame: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.close(1013, "too slow to keep up");
      return;
    }
    this.socket.send(frame, { binary: true }, (error) => {
      if (error) this.logger.debug("collab send failed", { error: error.message });
    });
  }

  /** Closes the socket once; later calls do nothing. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.closedWith = code;
    clearInterval(this.pingTimer);
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), 5_000).unref();
  }
}
