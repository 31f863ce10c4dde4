import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  citingRecommendationsResponse,
  type EvidenceResponse,
  evidenceResponse,
} from "../../../../shared/schemas/recommendations";
import { lessonListResponse } from "../../../../shared/schemas/lessons";
import { api } from "../../api/client";

/** Query keys of recommendation evidence (per document) and of the recommendations citing a lesson. */
export const evidenceKeys = {
  ofDocument: (documentId: string) => ["documents", documentId, "evidence"] as const,
  citing: (lessonId: string) => ["lessons", lessonId, "recommendations"] as const,
  citingAll: ["lessons"] as const,
  search: (workspaceId: string, q: string) =>
    ["workspaces", workspaceId, "lessons", "evidence-search", q] as const,
};

const evidencePath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/evidence`;

/** The lessons supporting a recommendation document, with how many cases and lessons back it. */
export function useEvidence(documentId: string) {
  return useQuery({
    queryKey: evidenceKeys.ofDocument(documentId),
    queryFn: () => api.get(evidencePath(documentId), evidenceResponse),
  });
}

/** Adds (link=true) or removes a lesson from a recommendation's evidence. */
export function useChangeEvidence(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, link }: { lessonId: string; link: boolean }) => {
      const path = `${evidencePath(documentId)}/${encodeURIComponent(lessonId)}`;
      return link ? api.put(path, {}, evidenceResponse) : api.delete(path, evidenceResponse);
    },
    onSuccess: (data: EvidenceResponse, { lessonId }) => {
      queryClient.setQueryData(evidenceKeys.ofDocument(documentId), data);
      void queryClient.invalidateQueries({ queryKey: evidenceKeys.citing(lessonId) });
    },
  });
}

/** Lessons whose text matches `q` (the lessons API's text filter), to pick evidence from. */
export function useLessonSearch(workspaceId: string, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: evidenceKeys.search(workspaceId, query),
    queryFn: async () =>
      (
        await api.get(
          `/api/workspaces/${encodeURIComponent(workspaceId)}/lessons?q=${encodeURIComponent(query)}`,
          lessonListResponse,
        )
      ).lessons,
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The live recommendation documents citing a lesson. */
export function useCitingRecommendations(lessonId: string) {
  return useQuery({
    queryKey: evidenceKeys.citing(lessonId),
    queryFn: async () =>
      (
        await api.get(
          `/api/lessons/${encodeURIComponent(lessonId)}/recommendations`,
          citingRecommendationsResponse,
        )
      ).recommendations,
    staleTime: 60_000,
  });
}
