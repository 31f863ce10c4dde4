import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { DocumentChange } from "../../../../shared/schemas/versions";
import { useFormatDate, useFormatDateTime } from "../../i18n/format";
import { PageError, PageLoading } from "../../ui/PageState";
import { SelectField } from "../../ui/SelectField";
import { Spinner } from "../../ui/Spinner";
import { usePageTitle } from "../../ui/use-page-title";
import { useWorkspaceChanges } from "./history-queries";
import "./history.css";

/**
 * "Wat is er veranderd sinds …" (route /w/:workspaceId/veranderd?sinds=YYYY-MM-DD): per document what
 * changed since a meeting or a date, the last meeting by default, each with a link to its differences.
 */
export function ChangesPage() {
  const { t } = useTranslation(["history", "documents"]);
  const { workspaceId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const since = params.get("sinds") ?? undefined;
  const changes = useWorkspaceChanges(workspaceId, since);
  const formatDate = useFormatDate();
  usePageTitle(t("changes.open"));

  if (changes.isPending) return <PageLoading />;
  if (changes.isError) return <PageError error={changes.error} onRetry={() => void changes.refetch()} />;
  const data = changes.data;
  const sinceDate = since ?? data.since.slice(0, 10);
  const choose = (date: string) => {
    const next = new URLSearchParams(params);
    if (date) next.set("sinds", date);
    else next.delete("sinds");
    setParams(next, { replace: true });
  };
  const meetingForDate = data.meetings.find((m) => m.date === sinceDate);
  const heading = data.meeting
    ? t("changes.sinceMeeting", { title: data.meeting.title, date: formatDate(data.meeting.date) })
    : meetingForDate
      ? t("changes.sinceMeeting", { title: meetingForDate.title, date: formatDate(meetingForDate.date) })
      : t("changes.sinceDate", { date: formatDate(data.since) });

  return (
    <article className="changes-page">
      <header className="history-page__header">
        <h1>{t("changes.title")}</h1>
        <p className="history-page__intro">{t("changes.intro")}</p>
      </header>
      <div className="changes-page__controls">
        {data.meetings.length > 0 ? (
          <SelectField
            label={t("changes.meeting")}
            value={meetingForDate ? meetingForDate.date : "other"}
            options={[
              ...data.meetings.map((m) => ({ id: m.date, label: `${m.title} (${formatDate(m.date)})` })),
              ...(meetingForDate
                ? []
                : [{ id: "other", label: t("changes.sinceDate", { date: formatDate(sinceDate) }) }]),
            ]}
            onChange={(value) => value !== "other" && choose(value)}
          />
        ) : (
          <p className="history-page__intro">{t("changes.noMeetings")}</p>
        )}
        <div className="field">
          <label className="field__label" htmlFor="changes-since">
            {t("changes.date")}
          </label>
          <input
            id="changes-since"
            className="field__input"
            type="date"
            value={sinceDate}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(event) => event.target.value && choose(event.target.value)}
          />
        </div>
        {changes.isFetching && (
          <span className="history-page__loading" role="status">
            <Spinner /> {t("changes.loading")}
          </span>
        )}
      </div>
      <h2>{heading}</h2>
      {data.documents.length === 0 ? (
        <p className="empty-state">{t("changes.none")}</p>
      ) : (
        <ul className="changes-list" aria-busy={changes.isFetching}>
          {data.documents.map((document) => (
            <ChangedDocument key={document.documentId} workspaceId={workspaceId} change={document} />
          ))}
        </ul>
      )}
    </article>
  );
}

function ChangedDocument({ workspaceId, change }: { workspaceId: string; change: DocumentChange }) {
  const { t } = useTranslation(["history", "documents"]);
  const formatDateTime = useFormatDateTime();
  const documentPath = `/w/${workspaceId}/d/${change.documentId}`;
  const { added, removed, changed } = change.counts;
  return (
    <li className="changes-list__item">
      <h3 className="changes-list__title">
        <Link to={documentPath}>{change.title}</Link>
        <span className="changes-list__badge">{t(`changes.${change.change}`)}</span>
      </h3>
      <p className="changes-list__meta">
        {t("compare.counts", { added, removed, changed })}
        {change.contributors.length > 0 &&
          ` · ${t("contributors", { names: change.contributors.map((p) => p.name).join(", ") })}`}
        {` · ${t("changes.updated", { date: formatDateTime(change.updatedAt) })}`}
      </p>
      {change.baseVersionId && (
        <Link to={`${documentPath}/geschiedenis?versie=${encodeURIComponent(change.baseVersionId)}`}>
          {t("changes.viewChanges")}
        </Link>
      )}
    </li>
  );
}
