import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LessonStance, LessonStatus } from "../../../../shared/lessons";
import { type Lesson, lessonListResponse, lessonResponse } from "../../../../shared/schemas/lessons";
import { api } from "../../api/client";

/** Query keys of the lessons; under ["workspaces", id] so a workspace refresh reloads them. */
export const lessonKeys = {
  all: (workspaceId: string) => ["workspaces", workspaceId, "lessons"] as const,
  list: (workspaceId: string, query: string) => ["workspaces", workspaceId, "lessons", query] as const,
};

const oneLesson = (lessonId: string) => `/api/lessons/${encodeURIComponent(lessonId)}`;

/** The workspace's lessons matching `query` (the lessons screen's URL query, passed on as is). */
export function useLessons(workspaceId: string, query: URLSearchParams) {
  const search = query.toString();
  return useQuery({
    queryKey: lessonKeys.list(workspaceId, search),
    queryFn: () =>
      api.get(
        `/api/workspaces/${encodeURIComponent(workspaceId)}/lessons${search ? `?${search}` : ""}`,
        lessonListResponse,
      ),
    placeholderData: keepPreviousData,
    // Lessons come from other people's typing: look again now and then.
    refetchInterval: 5_000,
  });
}

/** Puts a changed lesson into every cached list, then refetches (filters and counts may change). */
function useLessonUpdated(workspaceId: string) {
  const queryClient = useQueryClient();
  return (lesson: Lesson) => {
    queryClient.setQueriesData<{ lessons: Lesson[] }>({ queryKey: lessonKeys.all(workspaceId) }, (old) =>
      old ? { ...old, lessons: old.lessons.map((l) => (l.id === lesson.id ? lesson : l)) } : old,
    );
    return queryClient.invalidateQueries({ queryKey: lessonKeys.all(workspaceId) });
  };
}

export function useSetLessonStatus(workspaceId: string) {
  const updated = useLessonUpdated(workspaceId);
  return useMutation({
    mutationFn: async ({ lessonId, status }: { lessonId: string; status: LessonStatus }) =>
      (await api.patch(`${oneLesson(lessonId)}/status`, { status }, lessonResponse)).lesson,
    onSuccess: updated,
  });
}

export function useSetStance(workspaceId: string) {
  const updated = useLessonUpdated(workspaceId);
  return useMutation({
    mutationFn: async ({
      lessonId,
      stance,
      reason,
    }: {
      lessonId: string;
      stance: LessonStance;
      reason: string;
    }) => (await api.put(`${oneLesson(lessonId)}/stance`, { stance, reason }, lessonResponse)).lesson,
    onSuccess: updated,
  });
}

export function useClearStance(workspaceId: string) {
  const updated = useLessonUpdated(workspaceId);
  return useMutation({
    mutationFn: async (lessonId: string) =>
      (await api.delete(`${oneLesson(lessonId)}/stance`, lessonResponse)).lesson,
    onSuccess: updated,
  });
}
