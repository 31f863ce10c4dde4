import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { type LoginRequest, meResponse, type User } from "../../../../shared/schemas/auth";
import { api, isApiError } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { applyLocale } from "../../i18n/locale";

/** The logged-in user, `null` when there is no session (401), undefined while loading. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<User | null> => {
      try {
        return (await api.get("/api/me", meResponse)).user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The logged-in user, for screens inside RequireAuth (which guarantees one). */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentUser is only available inside RequireAuth.");
  return data;
}

/** Logs in; the user's own language then becomes the interface language. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => api.post("/api/auth/login", credentials, meResponse),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
}

/**
 * Logs out, then loads the login page (or `then`) afresh: that drops every cached answer and closes every
 * live connection (documents, presence) of the previous user in one stroke.
 */
export function useLogout(then = "/aanmelden") {
  return useMutation({
    mutationFn: () => api.post("/api/auth/logout"),
    onSettled: () => window.location.replace(then),
  });
}

/** Keeps the interface language equal to the logged-in user's `locale`. */
export function useAccountLocale(): void {
  const { data: user } = useMe();
  const locale = user?.locale;
  useEffect(() => {
    if (locale) applyLocale(locale);
  }, [locale]);
}
