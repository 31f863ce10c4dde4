import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateWorkspaceRequest,
  createdInviteResponse,
  inviteListResponse,
  memberListResponse,
  memberSchema,
  type UpdateWorkspaceRequest,
  workspaceListResponse,
  workspaceResponse,
} from "../../../../shared/schemas/workspaces";
import { z } from "zod";
import type { Role } from "../../../../shared/roles";
import { api } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** The workspaces I am a member of. */
export function useWorkspaces() {
  return useQuery({
    queryKey: queryKeys.workspaces,
    queryFn: async () => (await api.get("/api/workspaces", workspaceListResponse)).workspaces,
  });
}

/** One workspace, with my role in it. */
export function useWorkspace(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: async () => (await api.get(base(workspaceId), workspaceResponse)).workspace,
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateWorkspaceRequest) =>
      (await api.post("/api/workspaces", input, workspaceResponse)).workspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(queryKeys.workspace(workspace.id), workspace);
      return queryClient.invalidateQueries({ queryKey: queryKeys.workspaces, exact: true });
    },
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateWorkspaceRequest) =>
      (await api.patch(base(workspaceId), input, workspaceResponse)).workspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(queryKeys.workspace(workspaceId), workspace);
      return queryClient.invalidateQueries({ queryKey: queryKeys.workspaces, exact: true });
    },
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: async () => (await api.get(`${base(workspaceId)}/members`, memberListResponse)).members,
  });
}

export function useChangeMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch(
        `${base(workspaceId)}/members/${encodeURIComponent(userId)}`,
        { role },
        z.object({ member: memberSchema }),
      ),
    // My own role may have changed too, and with it what the workspace screens offer.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.workspace(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });
}

/** Open invitations (facilitators only). */
export function useInvites(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.invites(workspaceId),
    queryFn: async () => (await api.get(`${base(workspaceId)}/invites`, inviteListResponse)).invites,
    enabled,
  });
}

export function useCreateInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: Role) => api.post(`${base(workspaceId)}/invites`, { role }, createdInviteResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invites(workspaceId) }),
  });
}

export function useRevokeInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) =>
      api.delete(`${base(workspaceId)}/invites/${encodeURIComponent(inviteId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invites(workspaceId) }),
  });
}
