import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { CommentLiveEvent } from "../../../shared/schemas/live";
import { commentKeys } from "../features/comments/comment-queries";

const commentEventTypes: readonly CommentLiveEvent["type"][] = [
  "comment.threadCreated",
  "comment.messageAdded",
  "comment.messageEdited",
  "comment.messageDeleted",
  "comment.threadResolved",
  "comment.threadReopened",
];

const firstRetryMs = 1_000;
const maxRetryMs = 30_000;

function refreshAllComments(queryClient: QueryClient, workspaceId: string) {
  void queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === "documents" && query.queryKey[2] === "threads",
  });
  void queryClient.invalidateQueries({ queryKey: commentKeys.unread(workspaceId) });
  void queryClient.invalidateQueries({ queryKey: commentKeys.openThreads(workspaceId) });
}

/**
 * Listens to the workspace event stream (GET /api/workspaces/:id/events) while mounted and turns
 * each event into query invalidations, so open documents and the unread badge follow live.
 * The browser reconnects a dropped stream itself; a refused one is retried with a growing delay.
 * After any reconnect everything is refetched, since events may have been missed meanwhile.
 */
export function useWorkspaceEvents(workspaceId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!workspaceId) return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = firstRetryMs;
    let connectedBefore = false;
    let stopped = false;

    const onComment = (message: MessageEvent<string>) => {
      let event: CommentLiveEvent;
      try {
        event = JSON.parse(message.data) as CommentLiveEvent;
      } catch {
        return;
      }
      if (event.workspaceId !== workspaceId) return;
      void queryClient.invalidateQueries({ queryKey: commentKeys.threads(event.documentId) });
      void queryClient.invalidateQueries({ queryKey: commentKeys.unread(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: commentKeys.openThreads(workspaceId) });
    };
    const onReady = () => {
      retryMs = firstRetryMs;
      if (connectedBefore) refreshAllComments(queryClient, workspaceId);
      connectedBefore = true;
    };
    const connect = () => {
      source = new EventSource(`/api/workspaces/${encodeURIComponent(workspaceId)}/events`);
      source.addEventListener("ready", onReady);
      for (const type of commentEventTypes) source.addEventListener(type, onComment);
      source.onerror = () => {
        // CONNECTING: the browser retries by itself. CLOSED: refused (e.g. 403); try again later ourselves.
        if (!source || source.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [workspaceId, queryClient]);
}
