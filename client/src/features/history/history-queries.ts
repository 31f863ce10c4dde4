import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type RestoreVersionResponse,
  restoreVersionResponseSchema,
  versionDiffSchema,
  versionSummarySchema,
  workspaceChangesSchema,
} from "../../../../shared/schemas/versions";
import { api } from "../../api/client";

/** Query keys of version history; a document's history sits under ["documents", id]. */
export const historyKeys = {
  versions: (documentId: string) => ["documents", documentId, "versions"] as const,
  diff: (documentId: string, from: string, to: string) =>
    ["documents", documentId, "versions", "diff", from, to] as const,
  changes: (workspaceId: string, since: string | undefined) =>
    ["workspaces", workspaceId, "changes", since ?? "last-meeting"] as const,
};

const versionsPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/versions`;
const versionListResponse = z.object({ versions: z.array(versionSummarySchema) });
const versionResponse = z.object({ version: versionSummarySchema });

/** The document's versions, newest first. */
export function useVersions(documentId: string) {
  return useQuery({
    queryKey: historyKeys.versions(documentId),
    queryFn: async () => (await api.get(versionsPath(documentId), versionListResponse)).versions,
  });
}

/** What changed from version `from` to `to` (another version's id, or "current"). */
export function useVersionDiff(documentId: string, from: string | undefined, to: string) {
  return useQuery({
    queryKey: historyKeys.diff(documentId, from ?? "", to),
    queryFn: () =>
      api.get(
        `${versionsPath(documentId)}/${encodeURIComponent(from ?? "")}/diff?to=${encodeURIComponent(to)}`,
        versionDiffSchema,
      ),
    enabled: Boolean(from),
    // The text "now" moves while others type: ask again when the page is looked at again.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** Saves the text as it is now as a named version. */
export function useNameVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) =>
      (await api.post(versionsPath(documentId), { name }, versionResponse)).version,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.versions(documentId) }),
  });
}

export interface RestoreInput {
  versionId: string;
  /** One top-level block of the version (DiffBlock.topIndex); the whole version when absent. */
  blockIndex?: number;
}

/** Brings a version (or one block of it) back as a new edit; the answer names the version that undoes it. */
export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, blockIndex }: RestoreInput): Promise<RestoreVersionResponse> =>
      api.post(
        `${versionsPath(documentId)}/${encodeURIComponent(versionId)}/restore`,
        blockIndex === undefined ? {} : { blockIndex },
        restoreVersionResponseSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKeys.versions(documentId) }),
  });
}

/** What changed in the workspace since `since` (a date), or since the last meeting when absent. */
export function useWorkspaceChanges(workspaceId: string, since: string | undefined) {
  return useQuery({
    queryKey: historyKeys.changes(workspaceId, since),
    queryFn: () =>
      api.get(
        `/api/workspaces/${encodeURIComponent(workspaceId)}/changes${since ? `?since=${encodeURIComponent(since)}` : ""}`,
        workspaceChangesSchema,
      ),
    placeholderData: keepPreviousData,
  });
}
