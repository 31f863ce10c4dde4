/**
 * WebSocket close codes of the collaboration server. The stock y-websocket provider stops
 * reconnecting on 4400–4499 and retries on anything else, backing off exponentially while a
 * connection closes before it synced (so a refusal at the door is never a tight loop).
 */
export const CLOSE_CODES = {
  /** A frame could not be decoded, or broke the protocol (e.g. an item pointing ahead of its own client). */
  malformed: 4400,
  /** No valid session cookie. */
  unauthorized: 4401,
  /** The user may not read this document (not a member, removed, or document gone). */
  forbidden: 4403,
  /** The document does not exist. */
  notFound: 4404,
  /** The Origin of the upgrade request is not the server's. */
  badOrigin: 4405,
  /** The document reached its maximum size (deleting content is still accepted). */
  documentTooLarge: 4413,
  /** The member's role changed: reconnect to get the new rights. */
  roleChanged: 4501,
  /** The server cannot store edits right now; reconnect later and the unsaved edits are sent again. */
  storeUnavailable: 4502,
  /** The server is shutting down; the provider reconnects. */
  serverShutdown: 4503,
  /**
   * Scale-out mode: this instance lost Redis, so it cannot hear the other instances' edits; the
   * provider reconnects (to this or another instance) and re-syncs once it is back.
   */
  relayUnavailable: 4504,
  /** An update needed content the server does not have; the reconnect's sync sends it. */
  resyncNeeded: 4509,
  /**
   * Too many messages, sockets or reconnects for this user or session; new sockets are refused
   * before they sync for a while, so the provider backs off.
   */
  rateLimited: 4529,
} as const;
