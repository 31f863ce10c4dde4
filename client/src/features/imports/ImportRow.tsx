import { useEffect, useRef } from "react";
import { ProgressBar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IMPORT_LIMITS, type ImportResponse } from "../../../../shared/schemas/imports";
import { describeApiError } from "../../forms/errors";
import { Button } from "../../ui/Button";
import { LessonKindBadge } from "../lessons/LessonKindBadge";
import type { ImportItem } from "./use-import-queue";

const maxMegabytes = IMPORT_LIMITS.maxFileBytes / (1024 * 1024);

/** One file of an import: its name, then its progress, then what became of it. */
export function ImportRow({
  item,
  workspaceId,
  onRemove,
  onOpen,
}: {
  item: ImportItem;
  workspaceId: string;
  /** Takes a waiting file off the list; absent while an import runs. */
  onRemove?: () => void;
  /** Called when the new document is opened (the dialog closes). */
  onOpen: () => void;
}) {
  const { t } = useTranslation("imports");
  const { file, state } = item;
  const name = file.name;
  const rowRef = useRef<HTMLLIElement>(null);
  const started = state.status === "uploading";
  // The file being sent comes into view, so a long list shows where the import is.
  useEffect(() => {
    if (started) rowRef.current?.scrollIntoView({ block: "nearest" });
  }, [started]);
  const refused = state.status === "refused" || state.status === "failed";
  return (
    <li ref={rowRef} className="import-row" data-status={state.status}>
      {/* A refusal is one sentence that starts with the file's name. */}
      {!refused && (
        <div className="import-row__head">
          <span className="import-row__name">{name}</span>
          {state.status === "waiting" && onRemove && (
            <Button size="small" variant="quiet" onPress={onRemove} aria-label={t("remove", { name })}>
              <span aria-hidden="true">×</span>
            </Button>
          )}
        </div>
      )}
      {state.status === "waiting" && <p className="import-row__note">{t("waiting")}</p>}
      {state.status === "uploading" && (
        <ImportProgress label={t("uploading", { name })} value={Math.round(state.fraction * 100)} />
      )}
      {state.status === "processing" && <ImportProgress label={t("processing", { name })} />}
      {state.status === "imported" && (
        <ImportResult result={state.result} name={name} workspaceId={workspaceId} onOpen={onOpen} />
      )}
      {state.status === "refused" && (
        <p className="import-row__problem">{t(`refusals.${state.refusal}`, { name, max: maxMegabytes })}</p>
      )}
      {state.status === "failed" && (
        <p className="import-row__problem">{t("failed", { name, problem: describeApiError(state.error) })}</p>
      )}
    </li>
  );
}

/** The bar of a file being sent (its percentage) or read by the server (no end known). */
function ImportProgress({ label, value }: { label: string; value?: number }) {
  const { t } = useTranslation("imports");
  const indeterminate = value === undefined;
  return (
    <ProgressBar className="import-progress" aria-label={label} value={value} isIndeterminate={indeterminate}>
      {({ percentage, valueText }) => (
        <>
          <span className="import-progress__text" aria-hidden="true">
            {indeterminate ? t("processingText") : valueText}
          </span>
          <span className="import-progress__track">
            <span
              className="import-progress__fill"
              style={indeterminate ? undefined : { width: `${percentage ?? 0}%` }}
            />
          </span>
        </>
      )}
    </ProgressBar>
  );
}

/** What a file became: a link to the new document, the lessons found in it, and what was left out. */
function ImportResult({
  result,
  name,
  workspaceId,
  onOpen,
}: {
  result: ImportResponse;
  name: string;
  workspaceId: string;
  onOpen: () => void;
}) {
  const { t } = useTranslation("imports");
  const lessons = result.lessonsFound;
  return (
    <div className="import-result">
      <p className="import-result__summary">
        <Link
          to={`/w/${encodeURIComponent(workspaceId)}/d/${encodeURIComponent(result.documentId)}`}
          className="import-result__open"
          onClick={onOpen}
        >
          {t("openDocument", { title: result.title })}
        </Link>
        <span className="import-result__count">{t("lessonsFound", { count: lessons.length })}</span>
      </p>
      {lessons.length > 0 && (
        <ul className="import-result__lessons" aria-label={t("lessonsLabel", { name })}>
          {lessons.map((lesson, index) => (
            // Lessons have no id yet in the answer; their order in the file is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
            <li key={index} className="import-result__lesson">
              <LessonKindBadge kind={lesson.kind} />
              <span className="import-result__lesson-text">{lesson.text}</span>
            </li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <ul className="import-result__warnings">
          {result.warnings.map((warning) => (
            <li key={warning.code}>{t(`warnings.${warning.code}`, { count: warning.count })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
