import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDate } from "../../i18n/format";
import { useOpenThreads, useUnread } from "../comments/comment-queries";
import { recentlyEdited } from "../documents/sidebar-order";
import { useDocuments } from "../documents/document-queries";
import { LessonKindBadge } from "../lessons/LessonKindBadge";
import { useLessons } from "../lessons/lesson-queries";

const noFilters = new URLSearchParams();

/** The workspace home's first screen: what the group is working on — documents edited last, new lessons, unread reactions and open conversations. */
export function WorkspaceWork({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation("workspaces");
  const formatDate = useFormatDate();
  const documents = useDocuments(workspaceId);
  const lessons = useLessons(workspaceId, noFilters);
  const unread = useUnread(workspaceId);
  const openThreads = useOpenThreads(workspaceId);
  const recentDocuments = documents.data ? recentlyEdited(documents.data, 5) : [];
  const newLessons = [...(lessons.data?.lessons ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .slice(0, 5);
  const unreadCount = unread.data?.total ?? 0;

  return (
    <div className="workspace-work">
      <section className="workspace-work__column" aria-labelledby="work-documents">
        <h2 className="section__title" id="work-documents">
          {t("work.documents")}
        </h2>
        {recentDocuments.length === 0 ? (
          <p className="muted">{t("work.noDocuments")}</p>
        ) : (
          <ul className="workspace-work__list">
            {recentDocuments.map((doc) => (
              <li key={doc.id}>
                <Link to={`/w/${workspaceId}/d/${doc.id}`}>{doc.title}</Link>
                <span className="muted">
                  {" "}
                  · {t("work.edited", { name: doc.updatedBy.name, date: formatDate(doc.updatedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="workspace-work__column" aria-labelledby="work-lessons">
        <h2 className="section__title" id="work-lessons">
          {t("work.lessons")}
        </h2>
        {newLessons.length === 0 ? (
          <p className="muted">{t("work.noLessons")}</p>
        ) : (
          <ul className="workspace-work__list">
            {newLessons.map((lesson) => (
              <li key={lesson.id}>
                <LessonKindBadge kind={lesson.kind} />{" "}
                <Link to={`/w/${workspaceId}/d/${lesson.document.id}?les=${encodeURIComponent(lesson.id)}`}>
                  {lesson.text || "…"}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/w/${workspaceId}/lessen`}>{t("work.allLessons")}</Link>
        </p>
      </section>
      <section className="workspace-work__column" aria-labelledby="work-reactions">
        <h2 className="section__title" id="work-reactions">
          {t("work.reactions")}
        </h2>
        <p>
          <Link to={`/w/${workspaceId}/nieuw`}>
            {unreadCount === 0 ? t("work.noUnread") : t("work.unread", { count: unreadCount })}
          </Link>
        </p>
        <h3 className="workspace-work__subtitle" id="work-open-threads">
          {t("work.openThreads", { count: openThreads.data?.total ?? 0 })}
        </h3>
        {openThreads.data?.threads.length === 0 && <p className="muted">{t("work.noOpenThreads")}</p>}
        {openThreads.data && openThreads.data.threads.length > 0 && (
          <ul className="workspace-work__list" aria-labelledby="work-open-threads">
            {openThreads.data.threads.map((thread) => (
              <li key={thread.threadId}>
                <Link
                  to={`/w/${workspaceId}/d/${thread.documentId}?reactie=${encodeURIComponent(thread.threadId)}`}
                >
                  {thread.documentTitle}
                </Link>
                {thread.latest && (
                  <p className="workspace-work__excerpt">
                    <strong>{thread.latest.author}</strong>: {thread.latest.text}
                  </p>
                )}
                <span className="muted">
                  {t("work.threadMeta", {
                    count: thread.messageCount,
                    date: formatDate(thread.lastActivityAt),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
