import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { useWorkspace } from "../workspaces/workspace-queries";
import { describeApiError } from "../../forms/errors";
import { useFormatDate } from "../../i18n/format";
import { Alert } from "../../ui/Alert";
import { useMinimalVersion, useSetMinimumDone } from "./minimal-queries";
import { MinimumEditor } from "./MinimumEditor";
import "../handbook/handbook.css";

/** Route /w/:workspaceId/minimaal: the minimal feasible version as a checklist per theme; facilitators compose it. */
export function MinimalPage() {
  const { t } = useTranslation("handbook");
  const workspaceId = useParams().workspaceId ?? "";
  const workspace = useWorkspace(workspaceId);
  const minimal = useMinimalVersion(workspaceId);
  const [editing, setEditing] = useState(false);
  const setDone = useSetMinimumDone(workspaceId);
  // A tick shows at once; the server's answer (and everyone's ticks) follow with the refetch.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const tick = (lessonId: string, isDone: boolean) => {
    setPending((old) => new Map(old).set(lessonId, isDone));
    setDone.mutate(
      { lessonId, done: isDone },
      {
        onSettled: () =>
          setPending((old) => {
            const next = new Map(old);
            next.delete(lessonId);
            return next;
          }),
      },
    );
  };
  const formatDate = useFormatDate();
  usePageTitle(t("minimal.title"));

  if (minimal.isPending) return <PageLoading />;
  if (minimal.isError) return <PageError error={minimal.error} onRetry={() => void minimal.refetch()} />;
  const isFacilitator = workspace.data?.role === "facilitator";
  const canTick = isFacilitator || workspace.data?.role === "editor";
  const listed = minimal.data.themes.flatMap((x) => x.lessons);
  const marked = new Set(listed.map((l) => l.id));
  const total = listed.length;
  const isTicked = (l: (typeof listed)[number]) => pending.get(l.id) ?? l.done !== null;
  const done = listed.filter(isTicked).length;

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("minimal.title")}</h1>
          <p className="page__lead">{t("minimal.intro")}</p>
        </div>
        {isFacilitator && (
          <Button variant={editing ? "primary" : "secondary"} onPress={() => setEditing((e) => !e)}>
            {editing ? t("minimal.doneEditing") : t("minimal.edit")}
          </Button>
        )}
      </header>

      {editing ? (
        <MinimumEditor workspaceId={workspaceId} marked={marked} />
      ) : minimal.data.themes.length === 0 ? (
        <p className="muted">{t("minimal.empty")}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t("minimal.progress", { done, total })} ·{" "}
            {canTick ? t("minimal.tickHint") : t("minimal.tickReadOnly")}
          </p>
          {setDone.error && <Alert>{describeApiError(setDone.error)}</Alert>}
          {minimal.data.themes.map(({ theme, lessons }) => (
            <section key={theme.id} className="section minimal-theme" aria-labelledby={`minimal-${theme.id}`}>
              <h2 className="section__title" id={`minimal-${theme.id}`}>
                {theme.name}
              </h2>
              <ul className="minimal-list">
                {lessons.map((lesson) => {
                  const id = `tick-${theme.id}-${lesson.id}`;
                  const isDone = isTicked(lesson);
                  return (
                    <li key={lesson.id} className="minimal-item" data-done={isDone ? "1" : "0"}>
                      <input
                        type="checkbox"
                        id={id}
                        checked={isDone}
                        disabled={!canTick || pending.has(lesson.id)}
                        onChange={(e) => tick(lesson.id, e.currentTarget.checked)}
                      />
                      <span className="minimal-item__text">
                        <label htmlFor={id} className="minimal-item__body">
                          {lesson.text}
                        </label>
                        <span className="minimal-item__source">
                          <Link
                            to={`/w/${workspaceId}/d/${lesson.citation.documentId}?les=${encodeURIComponent(lesson.id)}`}
                          >
                            {t("minimal.from", {
                              title: lesson.citation.municipality
                                ? `${lesson.citation.municipality} — ${lesson.citation.title}`
                                : lesson.citation.title,
                            })}
                          </Link>
                          {lesson.alsoOn.length > 0 &&
                            ` · ${t("minimal.alsoOn", { themes: lesson.alsoOn.map((x) => x.name).join(", ") })}`}
                          {lesson.done &&
                            ` · ${t("minimal.doneBy", { name: lesson.done.by, date: formatDate(lesson.done.at) })}`}
                        </span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
