import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { mailPreferencesResponse, type UpdateMailPreferences } from "../../../../shared/schemas/mail";
import { api } from "../../api/client";

const mailPreferencesKey = ["me", "mail"] as const;

/** GET /api/me/mail: what I am mailed about, and whether this server sends mail at all. */
export function useMailPreferences() {
  return useQuery({
    queryKey: mailPreferencesKey,
    queryFn: () => api.get("/api/me/mail", mailPreferencesResponse),
  });
}

/** PUT /api/me/mail: one choice at a time, saved at once. */
export function useUpdateMailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UpdateMailPreferences) => api.put("/api/me/mail", change, mailPreferencesResponse),
    onSuccess: (preferences) => queryClient.setQueryData(mailPreferencesKey, preferences),
  });
}
