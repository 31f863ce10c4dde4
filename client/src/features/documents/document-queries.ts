import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateDocumentRequest,
  type DocumentSummary,
  documentListResponse,
  documentResponse,
  documentWithRoleResponse,
  type UpdateDocumentRequest,
} from "../../../../shared/schemas/documents";
import { api } from "../../api/client";

/** Query keys of this feature; the list sits under ["workspaces", id] so invalidating a workspace refreshes it. */
export const documentKeys = {
  list: (workspaceId: string, trashed: boolean) =>
    ["workspaces", workspaceId, "documents", { trashed }] as const,
  lists: (workspaceId: string) => ["workspaces", workspaceId, "documents"] as const,
  one: (documentId: string) => ["documents", documentId] as const,
};

const workspaceDocuments = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/documents`;
const oneDocument = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

/** The workspace's documents (or its trash), by kind, newest first. */
export function useDocuments(workspaceId: string, trashed = false, enabled = true) {
  return useQuery({
    queryKey: documentKeys.list(workspaceId, trashed),
    queryFn: async () =>
      (
        await api.get(
          `${workspaceDocuments(workspaceId)}${trashed ? "?trashed=1" : ""}`,
          documentListResponse,
        )
      ).documents,
    enabled,
  });
}

/** One document with my role in its workspace. */
export function useDocument(documentId: string) {
  return useQuery({
    queryKey: documentKeys.one(documentId),
    queryFn: () => api.get(oneDocument(documentId), documentWithRoleResponse),
  });
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return async (document: DocumentSummary) => {
    queryClient.setQueryData(documentKeys.one(document.id), (old: { role: string } | undefined) =>
      old ? { ...old, document } : old,
    );
    await queryClient.invalidateQueries({ queryKey: documentKeys.lists(document.workspaceId) });
  };
}

export function useCreateDocument(workspaceId: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: async (input: CreateDocumentRequest) =>
      (await api.post(workspaceDocuments(workspaceId), input, documentResponse)).document,
    onSuccess: refresh,
  });
}

export function useUpdateDocument(documentId: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: async (input: UpdateDocumentRequest) =>
      (await api.patch(oneDocument(documentId), input, documentResponse)).document,
    onSuccess: refresh,
  });
}

/** Moves a document to the trash (true) or restores it (false). */
export function useTrashDocument() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: async ({ documentId, trashed }: { documentId: string; trashed: boolean }) =>
      trashed
        ? (await api.delete(oneDocument(documentId), documentResponse)).document
        : (await api.post(`${oneDocument(documentId)}/restore`, {}, documentResponse)).document,
    onSuccess: refresh,
  });
}
