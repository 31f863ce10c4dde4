/**
 * Port: how a document room hears the other app instances (scale-out mode) and tells them what it
 * stored. With one instance nothing crosses (`singleInstance`); with several, the Redis adapter
 * (server/scale/redis-room-relay.ts) carries stored updates and presence between them. Delivery is
 * never trusted to be complete: whenever something may have been missed the room is told to catch
 * up from the shared update log, which holds every update before any instance broadcasts it.
 */
export interface RoomRelay {
  /** Whether the instances can hear each other now; while false, sockets are refused and closed. */
  readonly available: boolean;
  /** Called with the new availability whenever it changes; returns the function that stops it. */
  onAvailability(listener: (available: boolean) => void): () => void;
  /**
   * Starts hearing a document. Resolves once listening, so a room opened before it loads the
   * document from the store misses nothing that was stored after the load.
   */
  open(documentId: string, inbound: RelayInbound): Promise<RelayLink>;
  /** Whether several instances append to the same document (compaction then folds the stored rows). */
  readonly shared: boolean;
}

/** What another instance sent about an open document. */
export interface RelayInbound {
  /** An update another instance stored. */
  update(update: Uint8Array): void;
  /** An awareness update from another instance's sockets. */
  awareness(update: Uint8Array, instanceId: string): void;
  /** Something may have been missed (a gap, a resubscribe): read what the store holds. */
  catchUp(): void;
  /** An instance stopped answering: its sockets' presence goes. */
  instanceGone(instanceId: string): void;
}

/** One room's side of the relay. */
export interface RelayLink {
  /** Tells the other instances about an update that is stored. */
  publishUpdate(update: Uint8Array): void;
  /** Tells the other instances about a change of this instance's sockets' presence. */
  publishAwareness(update: Uint8Array): void;
  /** Stops hearing the document. */
  close(): void;
}

const silentLink: RelayLink = {
  publishUpdate: () => undefined,
  publishAwareness: () => undefined,
  close: () => undefined,
};

/** One instance: nothing to tell anyone. */
export const singleInstance: RoomRelay = {
  available: true,
  shared: false,
  onAvailability: () => () => undefined,
  open: async () => silentLink,
};
