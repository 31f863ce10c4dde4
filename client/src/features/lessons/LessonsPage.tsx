import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { LessonStatus } from "../../../../shared/lessons";
import type { Lesson } from "../../../../shared/schemas/lessons";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { Spinner } from "../../ui/Spinner";
import { usePageTitle } from "../../ui/use-page-title";
import { useThemes } from "../themes/theme-queries";
import { useWorkspace } from "../workspaces/workspace-queries";
import { LessonCard } from "./LessonCard";
import { LessonCounts } from "./LessonCounts";
import { LessonFilters, type LessonFilterName, lessonFilterNames } from "./LessonFilters";
import { useLessons, useSetLessonStatus } from "./lesson-queries";
import "./lessons.css";

interface StatusChange {
  lessonId: string;
  from: LessonStatus;
  to: LessonStatus;
  undone: boolean;
}

/** The lessons screen (route /w/:workspaceId/lessen): every lesson with filters in the URL, counts and weighing. */
export function LessonsPage() {
  const { t } = useTranslation("lessons");
  const { workspaceId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const workspace = useWorkspace(workspaceId);
  const themes = useThemes(workspaceId);
  const query = new URLSearchParams();
  for (const name of lessonFilterNames) {
    const value = search.get(name);
    if (value) query.set(name, value);
  }
  const lessons = useLessons(workspaceId, query);
  const setStatus = useSetLessonStatus(workspaceId);
  const [change, setChange] = useState<StatusChange | null>(null);
  usePageTitle(t("page.title"));

  if (workspace.isPending || lessons.isPending) return <PageLoading />;
  if (workspace.isError) return <PageError error={workspace.error} onRetry={() => workspace.refetch()} />;
  if (lessons.isError) return <PageError error={lessons.error} onRetry={() => lessons.refetch()} />;

  const role = workspace.data.role;
  const isFacilitator = role === "facilitator";
  const canWeigh = role !== "viewer";
  const { lessons: list, counts } = lessons.data;

  const setFilter = (name: LessonFilterName, value: string | null) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const changeStatus = (lesson: Lesson, status: LessonStatus) =>
    setStatus.mutate(
      { lessonId: lesson.id, status },
      { onSuccess: () => setChange({ lessonId: lesson.id, from: lesson.status, to: status, undone: false }) },
    );
  const undo = () => {
    if (!change) return;
    setStatus.mutate(
      { lessonId: change.lessonId, status: change.from },
      { onSuccess: () => setChange({ ...change, undone: true }) },
    );
  };

  const changeText = change
    ? change.undone
      ? t("status.undone")
      : t("status.changed", { status: t(`statuses.${change.to}`) })
    : "";

  return (
    <div className="page lessons-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("page.title")}</h1>
          <p className="page__lead">{t("page.intro")}</p>
        </div>
        {lessons.isFetching && <Spinner />}
      </header>

      <LessonFilters
        workspaceId={workspaceId}
        value={(name) => search.get(name)}
        onChange={setFilter}
        onClear={() => setSearch(new URLSearchParams(), { replace: true })}
      />
      <LessonCounts byKind={counts.byKind} byTheme={counts.byTheme} themes={themes.data ?? []} />

      {/* Read out from here; shown, with its undo, in the card of the lesson that changed. */}
      <div className="visually-hidden" role="status">
        {change && changeText}
      </div>
      {setStatus.isError && <Alert>{describeApiError(setStatus.error)}</Alert>}

      <p className="lessons-page__count">{t("page.count", { count: list.length })}</p>
      {list.length === 0 ? (
        <div className="lessons-page__empty">
          <p>{t("page.empty")}</p>
          <p className="muted">{t("page.emptyHint")}</p>
        </div>
      ) : (
        <ul className="lesson-list">
          {list.map((lesson) => (
            <LessonCard
              key={lesson.id}
              workspaceId={workspaceId}
              lesson={lesson}
              isFacilitator={isFacilitator}
              canWeigh={canWeigh}
              onStatusChange={changeStatus}
              statusPending={setStatus.isPending && setStatus.variables?.lessonId === lesson.id}
              notice={
                change?.lessonId === lesson.id && (
                  <div className="lessons-page__toast">
                    <span>{changeText}</span>
                    {!change.undone && (
                      <Button size="small" onPress={undo} isPending={setStatus.isPending}>
                        {t("status.undo")}
                      </Button>
                    )}
                  </div>
                )
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
