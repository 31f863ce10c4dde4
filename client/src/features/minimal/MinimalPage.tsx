import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { useWorkspace } from "../workspaces/workspace-queries";
import { useMinimalVersion } from "./minimal-queries";
import { MinimumEditor } from "./MinimumEditor";
import { usePersonalTicks } from "./use-personal-ticks";
import "../handbook/handbook.css";

/** Route /w/:workspaceId/minimaal: the minimal feasible version as a checklist per theme; facilitators compose it. */
export function MinimalPage() {
  const { t } = useTranslation("handbook");
  const workspaceId = useParams().workspaceId ?? "";
  const workspace = useWorkspace(workspaceId);
  const minimal = useMinimalVersion(workspaceId);
  const [editing, setEditing] = useState(false);
  const [ticks, tick] = usePersonalTicks(workspaceId);
  usePageTitle(t("minimal.title"));

  if (minimal.isPending) return <PageLoading />;
  if (minimal.isError) return <PageError error={minimal.error} onRetry={() => void minimal.refetch()} />;
  const isFacilitator = workspace.data?.role === "facilitator";
  const marked = new Set(minimal.data.themes.flatMap((x) => x.lessons.map((l) => l.id)));
  const total = marked.size;
  const done = [...marked].filter((id) => ticks.has(id)).length;

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
            {t("minimal.progress", { done, total })} · {t("minimal.tickHint")}
          </p>
          {minimal.data.themes.map(({ theme, lessons }) => (
            <section key={theme.id} className="section minimal-theme" aria-labelledby={`minimal-${theme.id}`}>
              <h2 className="section__title" id={`minimal-${theme.id}`}>
                {theme.name}
              </h2>
              <ul className="minimal-list">
                {lessons.map((lesson) => {
                  const id = `tick-${theme.id}-${lesson.id}`;
                  const isDone = ticks.has(lesson.id);
                  return (
                    <li key={lesson.id} className="minimal-item" data-done={isDone ? "1" : "0"}>
                      <input
                        type="checkbox"
                        id={id}
                        checked={isDone}
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
