import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  comparisonListResponse,
  comparisonMatrixSchema,
  savedComparisonSchema,
} from "../../../../shared/schemas/comparisons";
import { api } from "../../api/client";

/** Query keys of comparisons; under ["workspaces", id] so a workspace refresh reloads them. */
export const comparisonKeys = {
  all: (workspaceId: string) => ["workspaces", workspaceId, "comparisons"] as const,
  preview: (workspaceId: string, caseIds: readonly string[]) =>
    ["workspaces", workspaceId, "comparisons", "preview", caseIds] as const,
  one: (workspaceId: string, id: string) => ["workspaces", workspaceId, "comparisons", "saved", id] as const,
};

/** API path of the workspace's comparisons. */
export const comparisonsPath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/comparisons`;

const previewResponse = z.object({ comparison: comparisonMatrixSchema });
const savedResponse = z.object({ comparison: savedComparisonSchema });

/** The matrix of the picked cases, computed from live lessons (only once two or more are picked). */
export function useComparisonPreview(workspaceId: string, caseIds: readonly string[]) {
  return useQuery({
    queryKey: comparisonKeys.preview(workspaceId, caseIds),
    queryFn: async () =>
      (await api.post(`${comparisonsPath(workspaceId)}/preview`, { caseIds }, previewResponse)).comparison,
    enabled: caseIds.length >= 2,
  });
}

/** The workspace's saved comparisons. */
export function useSavedComparisons(workspaceId: string) {
  return useQuery({
    queryKey: comparisonKeys.all(workspaceId),
    queryFn: async () => (await api.get(comparisonsPath(workspaceId), comparisonListResponse)).comparisons,
  });
}

/** One saved comparison, its matrix recomputed from the live lessons. */
export function useSavedComparison(workspaceId: string, id: string) {
  return useQuery({
    queryKey: comparisonKeys.one(workspaceId, id),
    queryFn: async () =>
      (await api.get(`${comparisonsPath(workspaceId)}/${encodeURIComponent(id)}`, savedResponse)).comparison,
  });
}

export function useSaveComparison(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; caseIds: string[] }) =>
      (await api.post(comparisonsPath(workspaceId), input, savedResponse)).comparison,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: comparisonKeys.all(workspaceId) }),
  });
}

export function useDeleteComparison(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${comparisonsPath(workspaceId)}/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: comparisonKeys.all(workspaceId) }),
  });
}
