import { EventEmitter } from "node:events";
import type { Role } from "../shared/roles";

/** In-process domain events that other parts react to (e.g. the collaboration server closing sockets). */
export interface DomainEvents {
  /** A member's role changed (role set) or they left the workspace (role undefined). */
  membershipChanged: [{ workspaceId: string; userId: string; role: Role | undefined }];
  /** Sessions ended: one session (logout) or all of a user's sessions but one (password change). */
  sessionsEnded: [{ userId: string; sessionId?: string; exceptSessionId?: string }];
  /**
   * Facts kept in SQL about documents or their lessons changed (metadata, a lesson's status, a theme's name):
   * for these documents, or for every document of the workspace when documentIds is absent.
   */
  documentsChanged: [{ workspaceId: string; documentIds?: string[] }];
  /** A document was trashed (deleted true) or restored. */
  documentTrashed: [{ workspaceId: string; documentId: string; deleted: boolean }];
}

export class DomainEventBus {
  private readonly emitter = new EventEmitter();
  /** Where events also go (the other instances, in scale-out mode). */
  private forward: (<K extends keyof DomainEvents>(name: K, args: DomainEvents[K]) => void) | undefined;

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  /** Tells this instance's listeners, and the other instances when forwarding is on. */
  emit<K extends keyof DomainEvents>(name: K, ...args: DomainEvents[K]): void {
    this.emitter.emit(name, ...args);
    this.forward?.(name, args);
  }

  /** Tells only this instance's listeners (an event another instance emitted). */
  emitHere<K extends keyof DomainEvents>(name: K, ...args: DomainEvents[K]): void {
    this.emitter.emit(name, ...args);
  }

  /** Sends every event emitted here on to `forward` as well (scale-out mode). */
  forwardTo(forward: <K extends keyof DomainEvents>(name: K, args: DomainEvents[K]) => void): void {
    this.forward = forward;
  }

  on<K extends keyof DomainEvents>(name: K, listener: (...args: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener as (...a: unknown[]) => void);
    return () => this.emitter.off(name, listener as (...a: unknown[]) => void);
  }
}
