import * as decoding from "lib0/decoding";
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from "y-protocols/awareness";
import type * as Y from "yjs";
import type { Logger } from "../logger";
import type { CollabConnection } from "./connection";
import type { CollabSettings } from "./limits";
import { admitAwareness } from "./presence";
import { encodeAwareness, MalformedFrameError } from "./protocol";

/**
 * Who is in a room and where their caret is: the room's awareness, fed only with what
 * admitAwareness lets through (identity from the session, a few client ids per socket), relayed to
 * everyone, and each socket's entries removed when it leaves.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  /** Which socket introduced each presence entry. */
  private readonly owners = new Map<number, CollabConnection>();
  /** Which other instance each presence entry came from (scale-out mode). */
  private readonly remoteOwners = new Map<number, string>();

  constructor(
    doc: Y.Doc,
    private readonly documentId: string,
    private readonly settings: CollabSettings,
    private readonly logger: Logger,
    private readonly everyone: () => Iterable<CollabConnection>,
    /** Tells the other instances about a change made here (scale-out mode). */
    private readonly publish: (update: Uint8Array) => void = () => undefined,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.relay);
  }

  /** Sends a newcomer who is here already. */
  greet(conn: CollabConnection): void {
    if (this.awareness.getStates().size > 0) conn.send(encodeAwareness(this.awareness));
  }

  /** Answers a socket that asks who is here. */
  answer(conn: CollabConnection): void {
    conn.send(encodeAwareness(this.awareness));
  }

  /** Takes one awareness frame from a socket; throws MalformedFrameError for one that does not decode. */
  receive(conn: CollabConnection, update: Uint8Array): void {
    if (update.length > this.settings.maxAwarenessBytes) {
      this.logger.debug("collab awareness too large, dropped", { documentId: this.documentId });
      return;
    }
    const admitted = admitAwareness(
      update,
      conn,
      (id) => {
        const owner = this.owners.get(id);
        return owner !== undefined && owner !== conn && owner.isOpen;
      },
      this.settings.maxAwarenessClientsPerSocket,
    );
    for (const id of conn.awarenessClientIds) this.owners.set(id, conn);
    if (!admitted) return;
    try {
      applyAwarenessUpdate(this.awareness, admitted, conn);
    } catch (error) {
      throw new MalformedFrameError(`awareness could not be applied: ${(error as Error).message}`);
    }
  }

  /**
   * An awareness update from another instance's sockets (already admitted there): applied and sent on
   * to this instance's sockets. Remembers which instance each entry came from.
   */
  receiveRemote(update: Uint8Array, instanceId: string): void {
    if (update.length > this.settings.maxAwarenessBytes) return;
    try {
      for (const clientId of awarenessClientIds(update)) {
        if (!this.owners.has(clientId)) this.remoteOwners.set(clientId, instanceId);
      }
      applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch (error) {
      this.logger.warn("collab dropped another instance's awareness", {
        documentId: this.documentId,
        error: String(error),
      });
    }
  }

  /** Another instance stopped answering: the presence its sockets had goes, for everyone here. */
  dropInstance(instanceId: string): void {
    const gone = Array.from(this.remoteOwners).filter(([, owner]) => owner === instanceId);
    for (const [clientId] of gone) this.remoteOwners.delete(clientId);
    if (gone.length > 0)
      removeAwarenessStates(
        this.awareness,
        gone.map(([clientId]) => clientId),
        REMOTE,
      );
  }

  /** Removes what a socket that left had introduced (and tells the others, unless `quietly`). */
  forget(conn: CollabConnection, quietly: boolean): void {
    const owned = Array.from(conn.awarenessClientIds).filter((id) => this.owners.get(id) === conn);
    for (const id of owned) this.owners.delete(id);
    if (owned.length > 0 && !quietly) removeAwarenessStates(this.awareness, owned, null);
  }

  destroy(): void {
    this.awareness.off("update", this.relay);
    this.awareness.destroy();
  }

  private readonly relay = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const frame = encodeAwareness(this.awareness, changed);
    for (const c of this.everyone()) c.send(frame);
    // What this instance's sockets changed goes to the other instances too (not what came from them).
    if (origin !== REMOTE) this.publish(encodeAwarenessUpdate(this.awareness, changed));
  };
}

/** The origin of awareness changes that came from another instance. */
const REMOTE = "relay";

/** The client ids an awareness update speaks of. */
function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count && i < update.length; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}
