import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { UnreadItem } from "../../../../shared/schemas/comments";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { useMarkAllRead, useMarkThreadRead, useUnread } from "../comments/comment-queries";
import { useFormatDateTime } from "../comments/format-time";
import "./unread.css";

function UnreadRow({ workspaceId, item }: { workspaceId: string; item: UnreadItem }) {
  const { t } = useTranslation("comments");
  const formatTime = useFormatDateTime();
  const markRead = useMarkThreadRead(workspaceId);
  const to = `/w/${workspaceId}/d/${item.documentId}?reactie=${encodeURIComponent(item.threadId)}`;
  return (
    <li className="unread-item" data-mentioned={item.mentioned || undefined}>
      <div className="unread-item__text">
        <p className="unread-item__title">
          <Link to={to} className="unread-item__link">
            {item.documentTitle}
          </Link>
        </p>
        <p className="unread-item__meta">
          {item.mentioned && (
            <span className="unread-item__tag unread-item__tag--mention">{t("unread.mentioned")}</span>
          )}
          {item.newThread && <span className="unread-item__tag">{t("unread.newThread")}</span>}
          <span>{t("unread.count", { count: item.unreadCount })}</span> ·{" "}
          <span>{t(`target.${item.target}`)}</span> ·{" "}
          <time dateTime={item.latestAt}>{formatTime(item.latestAt)}</time>
        </p>
        {item.quote && <blockquote className="unread-item__quote">{item.quote}</blockquote>}
        <p className="unread-item__message">
          <span className="unread-item__author">{t("unread.wrote", { name: item.latest.author })}</span>{" "}
          {item.latest.text}
        </p>
      </div>
      <Button
        size="small"
        variant="quiet"
        isPending={markRead.isPending}
        pendingLabel={t("unread.marking")}
        onPress={() => markRead.mutate(item.threadId)}
      >
        {t("unread.markRead")}
      </Button>
    </li>
  );
}

/** "Nieuw" (route /w/:workspaceId/nieuw): threads and replies since my last visit, mentions first. */
export function UnreadPage() {
  const { t } = useTranslation("comments");
  const { workspaceId = "" } = useParams();
  usePageTitle(t("unread.title"));
  const unread = useUnread(workspaceId);
  const markAll = useMarkAllRead(workspaceId);

  if (unread.isPending) return <PageLoading />;
  if (unread.isError) return <PageError error={unread.error} onRetry={() => void unread.refetch()} />;
  const { items } = unread.data;
  return (
    <section className="unread-page" aria-labelledby="unread-heading">
      <header className="unread-page__header">
        <h1 id="unread-heading">{t("unread.title")}</h1>
        {items.length > 0 && (
          <Button
            size="small"
            isPending={markAll.isPending}
            pendingLabel={t("unread.marking")}
            onPress={() => markAll.mutate()}
          >
            {t("unread.markAllRead")}
          </Button>
        )}
      </header>
      <p className="unread-page__intro">{t("unread.intro")}</p>
      {markAll.isError && <Alert>{describeApiError(markAll.error)}</Alert>}
      {items.length === 0 ? (
        <p className="unread-page__empty">{t("unread.empty")}</p>
      ) : (
        <ul className="unread-list">
          {items.map((item) => (
            <UnreadRow key={item.threadId} workspaceId={workspaceId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
