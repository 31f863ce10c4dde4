import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { minimalVersionResponse, minimumDoneResponse } from "../../../../shared/schemas/handbook";
import { api } from "../../api/client";

/** Query key of the minimal version; under ["workspaces", id] so a workspace refresh reloads it. */
export const minimalKey = (workspaceId: string) => ["workspaces", workspaceId, "minimal"] as const;

/** The do lessons marked as the minimal feasible version, per theme. */
export function useMinimalVersion(workspaceId: string) {
  return useQuery({
    queryKey: minimalKey(workspaceId),
    queryFn: () =>
      api.get(`/api/workspaces/${encodeURIComponent(workspaceId)}/minimal`, minimalVersionResponse),
  });
}

/** Marks (minimum=true) or unmarks a do lesson as part of the minimum (facilitator). */
export function useSetMinimum(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, minimum }: { lessonId: string; minimum: boolean }) => {
      const path = `/api/lessons/${encodeURIComponent(lessonId)}/minimum`;
      const schema = z.object({ lessonId: z.string(), minimum: z.boolean() });
      return minimum ? api.put(path, {}, schema) : api.delete(path, schema);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: minimalKey(workspaceId) }),
  });
}

/** Ticks a minimum lesson off for the whole group, or opens it again (facilitators and editors). */
export function useSetMinimumDone(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, done }: { lessonId: string; done: boolean }) => {
      const path = `/api/lessons/${encodeURIComponent(lessonId)}/minimum/done`;
      return done ? api.put(path, {}, minimumDoneResponse) : api.delete(path, minimumDoneResponse);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: minimalKey(workspaceId) }),
  });
}
