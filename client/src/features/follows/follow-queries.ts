import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Follows, type FollowTarget, followsResponse } from "../../../../shared/schemas/follows";
import { api } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

const followsKey = (workspaceId: string) => [...queryKeys.workspace(workspaceId), "follows"] as const;

/** GET /api/workspaces/:id/follows: the themes and documents I follow there. */
export function useFollows(workspaceId: string) {
  return useQuery({
    queryKey: followsKey(workspaceId),
    queryFn: () => api.get(`/api/workspaces/${workspaceId}/follows`, followsResponse),
  });
}

/** PUT /api/follows or DELETE /api/follows/:type/:id; the list is updated from the answer's success. */
export function useSetFollowing(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, following }: { target: FollowTarget; following: boolean }) =>
      following
        ? api.put("/api/follows", target)
        : api.delete(`/api/follows/${target.targetType}/${encodeURIComponent(target.targetId)}`),
    onSuccess: (_answer, { target, following }) => {
      const list = target.targetType === "theme" ? "themes" : "documents";
      queryClient.setQueryData<Follows>(followsKey(workspaceId), (old) => {
        if (!old) return old;
        const rest = old[list].filter((id) => id !== target.targetId);
        return { ...old, [list]: following ? [...rest, target.targetId] : rest };
      });
    },
  });
}
