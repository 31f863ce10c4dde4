import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  handbookOutlineSchema,
  handbookSchema,
  markExportedResponse,
} from "../../../../shared/schemas/handbook";
import { api } from "../../api/client";

/** Query keys of the handbook; under ["workspaces", id] so a workspace refresh reloads them. */
export const handbookKeys = {
  all: (workspaceId: string) => ["workspaces", workspaceId, "handbook"] as const,
  outline: (workspaceId: string) => ["workspaces", workspaceId, "handbook", "outline"] as const,
  compiled: (workspaceId: string) => ["workspaces", workspaceId, "handbook", "compiled"] as const,
  chapterTheme: (documentId: string) => ["documents", documentId, "chapter-theme"] as const,
};

/** API path of the workspace's handbook. */
export const handbookPath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/handbook`;

const outlineResponse = z.object({ outline: handbookOutlineSchema });
const compiledResponse = z.object({ handbook: handbookSchema });
const chapterThemeResponse = z.object({ themeId: z.string().nullable() });

/** The outline: every theme, included chapters first in their order. */
export function useOutline(workspaceId: string) {
  return useQuery({
    queryKey: handbookKeys.outline(workspaceId),
    queryFn: async () => (await api.get(`${handbookPath(workspaceId)}/outline`, outlineResponse)).outline,
  });
}

/** The compiled handbook the exports are rendered from. */
export function useCompiledHandbook(workspaceId: string) {
  return useQuery({
    queryKey: handbookKeys.compiled(workspaceId),
    queryFn: async () => (await api.get(handbookPath(workspaceId), compiledResponse)).handbook,
  });
}

/** Stores the included themes in chapter order (facilitator). */
export function useSaveOutline(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (themeIds: string[]) =>
      (await api.put(`${handbookPath(workspaceId)}/outline`, { themeIds }, outlineResponse)).outline,
    onSuccess: (outline) => {
      queryClient.setQueryData(handbookKeys.outline(workspaceId), outline);
      return queryClient.invalidateQueries({ queryKey: handbookKeys.compiled(workspaceId) });
    },
  });
}

function useRefreshAfterMark(workspaceId: string) {
  const queryClient = useQueryClient();
  // Lesson statuses changed: the handbook and every lesson list show them.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: handbookKeys.compiled(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: ["workspaces", workspaceId, "lessons"] }),
      queryClient.invalidateQueries({ queryKey: ["workspaces", workspaceId, "comparisons"] }),
    ]);
}

/** Moves every validated lesson of the handbook to in_handbook; answers an undo token. */
export function useMarkExported(workspaceId: string) {
  const refresh = useRefreshAfterMark(workspaceId);
  return useMutation({
    mutationFn: () => api.post(`${handbookPath(workspaceId)}/mark-exported`, {}, markExportedResponse),
    onSuccess: refresh,
  });
}

export function useUndoMarkExported(workspaceId: string) {
  const refresh = useRefreshAfterMark(workspaceId);
  return useMutation({
    mutationFn: async (token: string) =>
      (
        await api.post(
          `${handbookPath(workspaceId)}/mark-exported/undo`,
          { token },
          z.object({ restored: z.number().int() }),
        )
      ).restored,
    onSuccess: refresh,
  });
}

/** The theme a chapter document writes the chapter text of (null: none). */
export function useChapterTheme(documentId: string) {
  return useQuery({
    queryKey: handbookKeys.chapterTheme(documentId),
    queryFn: async () =>
      (await api.get(`/api/documents/${encodeURIComponent(documentId)}/chapter-theme`, chapterThemeResponse))
        .themeId,
  });
}

export function useSetChapterTheme(documentId: string, workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (themeId: string | null) =>
      (
        await api.put(
          `/api/documents/${encodeURIComponent(documentId)}/chapter-theme`,
          { themeId },
          chapterThemeResponse,
        )
      ).themeId,
    onSuccess: (themeId) => {
      queryClient.setQueryData(handbookKeys.chapterTheme(documentId), themeId);
      return queryClient.invalidateQueries({ queryKey: handbookKeys.all(workspaceId) });
    },
  });
}
