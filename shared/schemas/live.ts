import type { CommentMessage, CommentThread } from "./comments";

/**
 * Events of the workspace stream GET /api/workspaces/:id/events (Server-Sent Events). The SSE `event`
 * field is the event's `type`; `data` is the JSON below. A `ready` event follows the connection;
 * comment lines (": heartbeat") arrive every 25 seconds. The server closes the stream when the member
 * leaves the workspace, loses read access, or their session ends.
 */
export type CommentLiveEvent =
  | { type: "comment.threadCreated"; workspaceId: string; documentId: string; thread: CommentThread }
  | {
      type: "comment.messageAdded";
      workspaceId: string;
      documentId: string;
      thread: CommentThread;
      message: CommentMessage;
    }
  | {
      type: "comment.messageEdited";
      workspaceId: string;
      documentId: string;
      thread: CommentThread;
      message: CommentMessage;
    }
  | {
      type: "comment.messageDeleted";
      workspaceId: string;
      documentId: string;
      thread: CommentThread;
      messageId: string;
    }
  | { type: "comment.threadResolved"; workspaceId: string; documentId: string; thread: CommentThread }
  | { type: "comment.threadReopened"; workspaceId: string; documentId: string; thread: CommentThread };

export type ReadyLiveEvent = { type: "ready"; workspaceId: string };

/** Anything published on a workspace stream; other modules add their own `type`s here. */
export type LiveEvent = CommentLiveEvent | ReadyLiveEvent;

export const LIVE_HEARTBEAT_MS = 25_000;
