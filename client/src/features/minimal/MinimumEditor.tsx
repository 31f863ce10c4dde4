import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Spinner } from "../../ui/Spinner";
import { useLessons } from "../lessons/lesson-queries";
import { useSetMinimum } from "./minimal-queries";

const doLessons = new URLSearchParams({ kind: "do" });

/** The facilitator ticks which do lessons (per theme) belong to the minimal feasible version. */
export function MinimumEditor({ workspaceId, marked }: { workspaceId: string; marked: Set<string> }) {
  const { t } = useTranslation("handbook");
  const lessons = useLessons(workspaceId, doLessons);
  const setMinimum = useSetMinimum(workspaceId);
  // The box follows the click at once; the server's answer (refetched checklist) then takes over.
  const [pendingTicks, setPendingTicks] = useState<ReadonlyMap<string, boolean>>(new Map());
  const toggle = (lessonId: string, minimum: boolean) => {
    setPendingTicks((old) => new Map(old).set(lessonId, minimum));
    setMinimum.mutate(
      { lessonId, minimum },
      {
        onSettled: () =>
          setPendingTicks((old) => {
            const next = new Map(old);
            next.delete(lessonId);
            return next;
          }),
      },
    );
  };
  if (lessons.isPending) return <Spinner />;
  if (lessons.isError) return <Alert>{describeApiError(lessons.error)}</Alert>;
  const list = lessons.data.lessons.filter((l) => l.kind === "do");
  if (list.length === 0) return <p className="muted">{t("minimal.noDoLessons")}</p>;

  // A lesson on several themes is listed under each, like the checklist shows it.
  const groups = new Map<string, { name: string; lessons: typeof list }>();
  for (const lesson of list) {
    const themes = lesson.themes.length ? lesson.themes : [{ id: "", name: t("minimal.noTheme") }];
    for (const theme of themes) {
      const group = groups.get(theme.id) ?? { name: theme.name, lessons: [] };
      group.lessons.push(lesson);
      groups.set(theme.id, group);
    }
  }

  return (
    <div className="minimum-editor">
      <p>{t("minimal.editIntro")}</p>
      {setMinimum.isError && <Alert>{describeApiError(setMinimum.error)}</Alert>}
      {[...groups.entries()].map(([themeId, group]) => (
        <fieldset key={themeId || "none"} className="minimal-theme case-picker">
          <legend className="case-picker__legend">{group.name}</legend>
          <ul className="minimal-list">
            {group.lessons.map((lesson) => {
              const pending = pendingTicks.get(lesson.id);
              return (
                <li key={lesson.id} className="minimal-item">
                  <input
                    type="checkbox"
                    id={`minimum-${themeId}-${lesson.id}`}
                    checked={pending ?? marked.has(lesson.id)}
                    aria-busy={pending !== undefined}
                    aria-label={t("minimal.markNamed", { text: lesson.text })}
                    onChange={(e) => toggle(lesson.id, e.currentTarget.checked)}
                  />
                  <span className="minimal-item__text">
                    <label htmlFor={`minimum-${themeId}-${lesson.id}`} className="minimal-item__body">
                      {lesson.text}
                    </label>
                    <span className="minimal-item__source">
                      <Link
                        to={`/w/${workspaceId}/d/${lesson.document.id}?les=${encodeURIComponent(lesson.id)}`}
                      >
                        {t("minimal.from", { title: lesson.document.title })}
                      </Link>
                    </span>
                  </span>
                  {pending !== undefined && <Spinner />}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
