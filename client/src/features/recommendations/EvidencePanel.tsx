import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EvidenceLesson } from "../../../../shared/schemas/recommendations";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { TextField } from "../../ui/TextField";
import { LessonKindBadge } from "../lessons/LessonKindBadge";
import { useChangeEvidence, useEvidence, useLessonSearch } from "./evidence-queries";
import "./recommendations.css";

/** A short form of a lesson's text for button labels. */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** On a recommendation document: the lessons that support it, how much backs it, and adding or removing evidence. */
export function EvidencePanel({
  workspaceId,
  documentId,
  canManage,
}: {
  workspaceId: string;
  documentId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation("comparison");
  const evidence = useEvidence(documentId);
  const change = useChangeEvidence(documentId);
  const linked = new Set(evidence.data?.lessons.map((l) => l.id));

  return (
    <section className="evidence-panel" aria-labelledby="evidence-title" aria-busy={evidence.isFetching}>
      <h2 className="evidence-panel__title" id="evidence-title">
        {t("evidence.title")}
      </h2>
      <p className="muted">{t("evidence.intro")}</p>
      {evidence.isPending && <Spinner />}
      {evidence.isError && <Alert>{describeApiError(evidence.error)}</Alert>}
      {evidence.data && (
        <>
          <p className="evidence-panel__counts" aria-live="polite">
            {t("evidence.counts", {
              lessons: t("evidence.lessons", { count: evidence.data.counts.lessons }),
              cases: t("evidence.cases", { count: evidence.data.counts.cases }),
            })}
          </p>
          {evidence.data.lessons.length === 0 ? (
            <p className="muted">{t("evidence.none")}</p>
          ) : (
            <ul className="evidence-list">
              {evidence.data.lessons.map((lesson) => (
                <EvidenceItem
                  key={lesson.id}
                  workspaceId={workspaceId}
                  lesson={lesson}
                  action={
                    canManage && (
                      <Button
                        size="small"
                        variant="quiet"
                        aria-label={t("evidence.removeNamed", { text: short(lesson.text) })}
                        isPending={change.isPending && change.variables?.lessonId === lesson.id}
                        onPress={() => change.mutate({ lessonId: lesson.id, link: false })}
                      >
                        {t("evidence.remove")}
                      </Button>
                    )
                  }
                />
              ))}
            </ul>
          )}
        </>
      )}
      {change.isError && <Alert>{describeApiError(change.error)}</Alert>}
      {canManage && (
        <EvidenceSearch
          workspaceId={workspaceId}
          linked={linked}
          pendingId={change.isPending ? change.variables?.lessonId : undefined}
          onAdd={(lessonId) => change.mutate({ lessonId, link: true })}
        />
      )}
    </section>
  );
}

function EvidenceItem({
  workspaceId,
  lesson,
  action,
}: {
  workspaceId: string;
  lesson: Pick<EvidenceLesson, "id" | "kind" | "text" | "document">;
  action: React.ReactNode;
}) {
  const { t } = useTranslation("comparison");
  return (
    <li className="evidence-item" data-kind={lesson.kind}>
      <div className="evidence-item__body">
        <LessonKindBadge kind={lesson.kind} />
        <Link to={`/w/${workspaceId}/d/${lesson.document.id}?les=${encodeURIComponent(lesson.id)}`}>
          {lesson.text}
        </Link>
        <span className="evidence-item__source">
          {t("evidence.from", {
            title: lesson.document.municipality
              ? `${lesson.document.municipality} — ${lesson.document.title}`
              : lesson.document.title,
          })}
        </span>
      </div>
      {action}
    </li>
  );
}

/** Searches the workspace's lessons by text (debounced) and offers each as evidence. */
function EvidenceSearch({
  workspaceId,
  linked,
  pendingId,
  onAdd,
}: {
  workspaceId: string;
  linked: Set<string>;
  pendingId?: string;
  onAdd: (lessonId: string) => void;
}) {
  const { t } = useTranslation("comparison");
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useLessonSearch(workspaceId, query);
  const active = query.trim().length >= 2;

  return (
    <div className="evidence-search">
      <TextField
        label={t("evidence.search")}
        name="evidence-search"
        value={text}
        onChange={setText}
        description={t("evidence.searchPlaceholder")}
      />
      <div aria-live="polite" aria-busy={results.isFetching}>
        {active && results.isFetching && (
          <p className="progress-line">
            <Spinner /> {t("evidence.searching")}
          </p>
        )}
        {active && results.data?.length === 0 && <p className="muted">{t("evidence.noResults")}</p>}
        {active && results.isError && <Alert>{describeApiError(results.error)}</Alert>}
      </div>
      {active && results.data && results.data.length > 0 && (
        <ul className="evidence-list">
          {results.data.slice(0, 20).map((lesson) => (
            <EvidenceItem
              key={lesson.id}
              workspaceId={workspaceId}
              lesson={lesson}
              action={
                linked.has(lesson.id) ? (
                  <span className="muted">{t("evidence.added")}</span>
                ) : (
                  <Button
                    size="small"
                    aria-label={t("evidence.addNamed", { text: short(lesson.text) })}
                    isPending={pendingId === lesson.id}
                    onPress={() => onAdd(lesson.id)}
                  >
                    {t("evidence.add")}
                  </Button>
                )
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
