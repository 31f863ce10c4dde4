import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type LoginRequest, meResponse, type User } from "../../../../shared/schemas/auth";
import { api, isApiError } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { countWaitingChanges } from "../../editor/offline/local-copy";
import { applyLocale } from "../../i18n/locale";
import { forgetOfflineData, noteSessionUser } from "../../offline/offline-caches";

/** The logged-in user, `null` when there is no session (401), undefined while loading. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<User | null> => {
      try {
        const { user } = await api.get("/api/me", meResponse);
        noteSessionUser(user.id);
        return user;
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

class LogoutCancelled extends Error {}

/**
 * Logs out, deletes what this browser kept for offline use (document copies, API answers: a shared
 * computer keeps nothing of the user), then loads the login page (or `then`) afresh: that drops every
 * cached answer and closes every live connection (documents, presence) of the previous user in one
 * stroke. Asks first when own changes are still waiting for the server, since logging out drops them.
 */
export function useLogout(then = "/aanmelden") {
  const { data: user } = useMe();
  const { t } = useTranslation("shell");
  return useMutation({
    mutationFn: async () => {
      const waiting = user ? await countWaitingChanges(user.id) : 0;
      if (waiting > 0 && !window.confirm(t("topBar.logoutUnsaved", { count: waiting })))
        throw new LogoutCancelled();
      await api.post("/api/auth/logout");
    },
    onSettled: async (_data, error) => {
      if (error instanceof LogoutCancelled) return;
      await forgetOfflineData(user?.id);
      window.location.replace(then);
    },
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
