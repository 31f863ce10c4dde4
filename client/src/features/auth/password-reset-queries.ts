import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  mailStatusResponse,
  type PasswordResetConfirm,
  type PasswordResetRequest,
} from "../../../../shared/schemas/auth";
import { api } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

// Whether the server sends email only changes with its configuration, i.e. on a restart.
const mailStatusKey = ["auth", "mail"] as const;

/** GET /api/auth/mail: does this server send email (needs no session). */
export function useMailStatus() {
  return useQuery({
    queryKey: mailStatusKey,
    queryFn: () => api.get("/api/auth/mail", mailStatusResponse),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** POST /api/auth/password-reset: the same answer whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: PasswordResetRequest) => api.post("/api/auth/password-reset", input),
  });
}

/**
 * POST /api/auth/password-reset/confirm: sets the new password and ends every session of that account,
 * perhaps this browser's own, so "who am I" is asked again.
 */
export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordResetConfirm) => api.post("/api/auth/password-reset/confirm", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
