import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type CommentThread,
  type CreateThreadRequest,
  commentMessageSchema,
  commentThreadSchema,
  openThreadsResponse,
  type PostMessageRequest,
  unreadItemSchema,
} from "../../../../shared/schemas/comments";
import { api } from "../../api/client";

/** Query keys of comments: threads sit under the document, unread under the workspace (its prefix refreshes all). */
export const commentKeys = {
  threads: (documentId: string) => ["documents", documentId, "threads"] as const,
  unread: (workspaceId: string) => ["workspaces", workspaceId, "unread"] as const,
  openThreads: (workspaceId: string) => ["workspaces", workspaceId, "open-threads"] as const,
};

const threadList = z.object({ threads: z.array(commentThreadSchema) });
const threadAnswer = z.object({ thread: commentThreadSchema });
const messageAnswer = z.object({ thread: commentThreadSchema, message: commentMessageSchema });
const unreadAnswer = z.object({ items: z.array(unreadItemSchema), total: z.number(), mentions: z.number() });
const enc = encodeURIComponent;

/** All threads of a document (open and resolved), oldest first as the server sends them. */
export function useThreads(documentId: string) {
  return useQuery({
    queryKey: commentKeys.threads(documentId),
    queryFn: async () =>
      (await api.get(`/api/documents/${enc(documentId)}/threads?status=all`, threadList)).threads,
  });
}

/** Puts a thread the server answered with into the document's list, so the panel shows it at once. */
function useStoreThread() {
  const queryClient = useQueryClient();
  return (thread: CommentThread) => {
    queryClient.setQueryData(commentKeys.threads(thread.documentId), (old: CommentThread[] | undefined) => {
      if (!old) return [thread];
      return old.some((t) => t.id === thread.id)
        ? old.map((t) => (t.id === thread.id ? thread : t))
        : [...old, thread];
    });
    void queryClient.invalidateQueries({ queryKey: commentKeys.unread(thread.workspaceId) });
  };
}

export function useCreateThread(documentId: string) {
  const store = useStoreThread();
  return useMutation({
    mutationFn: async (input: CreateThreadRequest) =>
      (await api.post(`/api/documents/${enc(documentId)}/threads`, input, threadAnswer)).thread,
    onSuccess: store,
  });
}

export function useReply(threadId: string) {
  const store = useStoreThread();
  return useMutation({
    mutationFn: (input: PostMessageRequest) =>
      api.post(`/api/threads/${enc(threadId)}/messages`, input, messageAnswer),
    onSuccess: ({ thread }) => store(thread),
  });
}

export function useEditMessage(messageId: string) {
  const store = useStoreThread();
  return useMutation({
    mutationFn: (input: PostMessageRequest) =>
      api.patch(`/api/messages/${enc(messageId)}`, input, messageAnswer),
    onSuccess: ({ thread }) => store(thread),
  });
}

export function useDeleteMessage(messageId: string) {
  const store = useStoreThread();
  return useMutation({
    mutationFn: async () => (await api.delete(`/api/messages/${enc(messageId)}`, threadAnswer)).thread,
    onSuccess: store,
  });
}

/** Resolves (true) or reopens (false) a thread. */
export function useSetResolved(threadId: string) {
  const store = useStoreThread();
  return useMutation({
    mutationFn: async (resolved: boolean) =>
      (await api.post(`/api/threads/${enc(threadId)}/${resolved ? "resolve" : "reopen"}`, {}, threadAnswer))
        .thread,
    onSuccess: store,
  });
}

/** Marks a thread read for me; the unread list and badge refresh. */
export function useMarkThreadRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (threadId: string) => api.post(`/api/threads/${enc(threadId)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentKeys.unread(workspaceId) }),
  });
}

/** What is new for me in a workspace, mentions first. */
/** The workspace's open threads, latest activity first (the newest five, and how many in all). */
export function useOpenThreads(workspaceId: string) {
  return useQuery({
    queryKey: commentKeys.openThreads(workspaceId),
    queryFn: () => api.get(`/api/workspaces/${enc(workspaceId)}/threads?limit=5`, openThreadsResponse),
  });
}

export function useUnread(workspaceId: string) {
  return useQuery({
    queryKey: commentKeys.unread(workspaceId),
    queryFn: () => api.get(`/api/workspaces/${enc(workspaceId)}/unread`, unreadAnswer),
  });
}

export function useMarkAllRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/workspaces/${enc(workspaceId)}/unread/read-all`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentKeys.unread(workspaceId) }),
  });
}
