import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { synonymGroupSchema, synonymListResponse } from "../../../../shared/schemas/synonyms";
import { api } from "../../api/client";

/** Under ["workspaces", id] so a workspace refresh reloads them. */
const synonymKeys = (workspaceId: string) => ["workspaces", workspaceId, "synonyms"] as const;
const synonymResponse = z.object({ synonym: synonymGroupSchema });
const workspaceSynonyms = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/synonyms`;
const oneGroup = (id: string) => `/api/synonyms/${encodeURIComponent(id)}`;

/** The workspace's synonym groups, oldest first. */
export function useSynonyms(workspaceId: string) {
  return useQuery({
    queryKey: synonymKeys(workspaceId),
    queryFn: async () => (await api.get(workspaceSynonyms(workspaceId), synonymListResponse)).synonyms,
    enabled: Boolean(workspaceId),
  });
}

function useInvalidate(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: synonymKeys(workspaceId) });
}

export function useCreateSynonyms(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async (terms: string[]) =>
      (await api.post(workspaceSynonyms(workspaceId), { terms }, synonymResponse)).synonym,
    onSuccess: invalidate,
  });
}

export function useUpdateSynonyms(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async ({ id, terms }: { id: string; terms: string[] }) =>
      (await api.put(oneGroup(id), { terms }, synonymResponse)).synonym,
    onSuccess: invalidate,
  });
}

export function useDeleteSynonyms(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async (id: string) => {
      await api.delete(oneGroup(id));
    },
    onSuccess: invalidate,
  });
}

/** "LDE, lokale diensteneconomie" → ["LDE", "lokale diensteneconomie"]: the field's words, split at commas. */
export function termsFromInput(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}
