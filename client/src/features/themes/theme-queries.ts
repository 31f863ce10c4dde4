import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { themeListResponse, themeSchema } from "../../../../shared/schemas/themes";
import { api } from "../../api/client";

/** Query keys of the themes; under ["workspaces", id] so a workspace refresh reloads them. */
export const themeKeys = {
  all: (workspaceId: string) => ["workspaces", workspaceId, "themes"] as const,
  list: (workspaceId: string, archived: boolean) =>
    ["workspaces", workspaceId, "themes", { archived }] as const,
};

const themeResponse = z.object({ theme: themeSchema });
const workspaceThemes = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/themes`;
const oneTheme = (themeId: string) => `/api/themes/${encodeURIComponent(themeId)}`;

/** The workspace's themes in their order; archived ones only when asked. */
export function useThemes(workspaceId: string, archived = false) {
  return useQuery({
    queryKey: themeKeys.list(workspaceId, archived),
    queryFn: async () =>
      (await api.get(`${workspaceThemes(workspaceId)}${archived ? "?archived=1" : ""}`, themeListResponse))
        .themes,
    enabled: Boolean(workspaceId),
  });
}

/** Theme id → name for every theme a lesson block may name, including themes merged into another one. */
export function useThemeNames(workspaceId: string) {
  return useQuery({
    queryKey: [...themeKeys.all(workspaceId), "names"] as const,
    queryFn: async () => {
      const list = await api.get(`${workspaceThemes(workspaceId)}?archived=1`, themeListResponse);
      const names = new Map(list.themes.map((theme) => [theme.id, theme.name]));
      for (const [merged, into] of Object.entries(list.aliases)) {
        const name = names.get(into);
        if (name) names.set(merged, name);
      }
      return names;
    },
    enabled: Boolean(workspaceId),
  });
}

function useInvalidate(workspaceId: string) {
  const queryClient = useQueryClient();
  // Lessons show theme names and counts, so they refresh with the themes.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: themeKeys.all(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: ["workspaces", workspaceId, "lessons"] }),
    ]);
}

export function useCreateTheme(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async (name: string) =>
      (await api.post(workspaceThemes(workspaceId), { name }, themeResponse)).theme,
    onSuccess: invalidate,
  });
}

export interface ThemeChange {
  themeId: string;
  name?: string;
  position?: number;
  archived?: boolean;
}

export function useUpdateTheme(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async ({ themeId, ...change }: ThemeChange) =>
      (await api.patch(oneTheme(themeId), change, themeResponse)).theme,
    onSettled: invalidate,
  });
}

export function useMergeTheme(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async ({ themeId, intoThemeId }: { themeId: string; intoThemeId: string }) =>
      (await api.post(`${oneTheme(themeId)}/merge`, { intoThemeId }, themeResponse)).theme,
    onSuccess: invalidate,
  });
}

/** Saves a new order: each theme whose position differs from its index in `ordered` gets that index. */
export function useReorderThemes(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async (ordered: { id: string; position: number }[]) => {
      for (const [index, theme] of ordered.entries()) {
        if (theme.position !== index) await api.patch(oneTheme(theme.id), { position: index }, themeResponse);
      }
    },
    onSettled: invalidate,
  });
}
