import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type LessonStatus, lessonStatuses } from "../../../../shared/lessons";
import type { Lesson } from "../../../../shared/schemas/lessons";
import { SelectField } from "../../ui/SelectField";
import { LessonKindBadge } from "./LessonKindBadge";
import { LessonStances } from "./LessonStances";

/** Where a lesson comes from: its case (municipality, centre city, outcome) or just its document. */
function LessonSource({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation("lessons");
  const d = lesson.document;
  return (
    <p className="lesson-card__source">
      {d.municipality ? (
        <>
          <strong>{d.municipality}</strong>
          {d.isCentreCity && <span className="lesson-card__tag">{t("page.centreYes")}</span>}
          {d.outcome && (
            <span className="lesson-card__tag" data-outcome={d.outcome}>
              {t(`outcomes.${d.outcome}`)}
            </span>
          )}
          <span className="muted"> · {d.title}</span>
        </>
      ) : (
        <span>{d.title}</span>
      )}
      {lesson.author && <span className="muted"> · {t("page.author", { name: lesson.author.name })}</span>}
    </p>
  );
}

/** One lesson on the lessons screen: kind, text (opens the document at the block), themes, case, status, stances. */
export function LessonCard({
  workspaceId,
  lesson,
  isFacilitator,
  canWeigh,
  onStatusChange,
  statusPending,
  notice,
}: {
  workspaceId: string;
  lesson: Lesson;
  isFacilitator: boolean;
  canWeigh: boolean;
  onStatusChange: (lesson: Lesson, status: LessonStatus) => void;
  statusPending: boolean;
  /** Shown in the card, under its status: the undo of a status change just made here. */
  notice?: ReactNode;
}) {
  const { t } = useTranslation("lessons");
  const href = `/w/${workspaceId}/d/${lesson.document.id}?les=${encodeURIComponent(lesson.id)}`;
  return (
    <li className="lesson-card" data-kind={lesson.kind} data-lesson-id={lesson.id}>
      <div className="lesson-card__head">
        <LessonKindBadge kind={lesson.kind} />
        {isFacilitator ? (
          <SelectField
            label={t("status.label")}
            labelHidden
            className="lesson-card__status-select"
            options={lessonStatuses.map((status) => ({ id: status, label: t(`statuses.${status}`) }))}
            value={lesson.status}
            onChange={(status) => status !== lesson.status && onStatusChange(lesson, status)}
            isDisabled={statusPending}
          />
        ) : (
          <span className="lesson-card__status" data-status={lesson.status}>
            {t(`statuses.${lesson.status}`)}
          </span>
        )}
      </div>
      {notice}
      <Link
        to={href}
        className="lesson-card__text"
        title={t("page.openInDocument", { title: lesson.document.title })}
      >
        {lesson.text || "…"}
      </Link>
      <LessonSource lesson={lesson} />
      <ul className="lesson-card__themes" aria-label={t("page.theme")}>
        {lesson.themes.length === 0 ? (
          <li className="muted">{t("page.noThemes")}</li>
        ) : (
          lesson.themes.map((theme) => (
            <li key={theme.id} className="lesson-card__theme">
              {theme.name}
            </li>
          ))
        )}
      </ul>
      <LessonStances workspaceId={workspaceId} lesson={lesson} canWeigh={canWeigh} />
    </li>
  );
}
