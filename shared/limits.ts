/** Limits shared by client and server, so both sides refuse the same things. */
export const LIMITS = {
  /** Largest JSON request body the API accepts. */
  maxJsonBodyBytes: 1024 * 1024,
  passwordMinLength: 8,
  passwordMaxLength: 256,
  nameMaxLength: 120,
  emailMaxLength: 254,
  titleMaxLength: 200,
  workspaceNameMaxLength: 120,
  descriptionMaxLength: 2000,
  /** Largest single WebSocket frame the collaboration server accepts. */
  maxCollabFrameBytes: 1024 * 1024,
  /** Largest encoded document state the collaboration server keeps. */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Messages per second one user may send over all their sockets, averaged over a short burst window. */
  collabMessagesPerSecond: 200,
  collabMessageBurst: 400,
  /** Collaboration sockets one session (one logged-in browser) may hold open: one per open document. */
  collabSocketsPerSession: 20,
  /** New collaboration sockets per minute per user (after a short burst). */
  collabReconnectsPerMinute: 60,
  /** Workspace event streams (SSE) one session may hold open: one per open tab, with room to spare. */
  liveStreamsPerSession: 10,
} as const;
