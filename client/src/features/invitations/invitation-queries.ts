import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { userSchema } from "../../../../shared/schemas/auth";
import { idSchema } from "../../../../shared/schemas/common";
import { type AcceptInviteRequest, invitePreviewResponse } from "../../../../shared/schemas/workspaces";
import { api } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

const path = (token: string) => `/api/invites/${encodeURIComponent(token)}`;
const acceptedResponse = z.object({ workspaceId: idSchema, user: userSchema });

/** What an invitation offers (404 unknown, 410 used/expired/revoked). */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitePreview(token),
    queryFn: () => api.get(path(token), invitePreviewResponse),
    retry: false,
  });
}

/** Accepts an invitation: as a new person (name, email, password) or, logged in, with `{}`. */
export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInviteRequest) => api.post(`${path(token)}/accept`, input, acceptedResponse),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.me, user);
      return queryClient.invalidateQueries({ queryKey: queryKeys.workspaces });
    },
  });
}
