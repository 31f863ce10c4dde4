import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ChangePasswordRequest,
  meResponse,
  type UpdateAccountRequest,
} from "../../../../shared/schemas/auth";
import { api } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

/** PATCH /api/me: name and/or language. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UpdateAccountRequest) => api.patch("/api/me", change, meResponse),
    onSuccess: ({ user }) => queryClient.setQueryData(queryKeys.me, user),
  });
}

/** POST /api/me/password: ends every other session of this user. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordRequest) => api.post("/api/me/password", input),
  });
}
