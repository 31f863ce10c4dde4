/**
 * WebSocket close codes of the collaboration server. Codes 4400–4499 make the y-websocket
 * provider stop reconnecting; 4500+ let it retry.
 */
export const CLOSE_CODES = {
  /** No valid session cookie. */
  unauthorized: 4401,
  /** The user may not read this document (not a member, removed, or document gone). */
  forbidden: 4403,
  /** The document does not exist. */
  notFound: 4404,
  /** The Origin of the upgrade request is not the server's. */
  badOrigin: 4405,
  /** A frame could not be decoded. */
  malformed: 4400,
  /** Too many messages in too short a time. */
  rateLimited: 4429,
  /** The document reached its maximum size. */
  documentTooLarge: 4413,
  /** The member's role changed: reconnect to get the new rights. */
  roleChanged: 4501,
  /** The server is shutting down; the provider reconnects. */
  serverShutdown: 4503,
} as const;
