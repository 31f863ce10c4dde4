import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useWorkspaceEvents } from "../../live/use-workspace-events";
import { useUnread } from "../comments/comment-queries";
import "./unread.css";

/**
 * The sidebar's "Nieuw" link with the number of unread messages. While it is shown it also keeps
 * the workspace's event stream open, so the badge and any open document follow live.
 */
export function UnreadNavLink({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation("comments");
  useWorkspaceEvents(workspaceId);
  const unread = useUnread(workspaceId);
  const total = unread.data?.total ?? 0;
  return (
    <NavLink to={`/w/${workspaceId}/nieuw`} className="sidebar__link">
      <span className="sidebar__link-text">{t("unread.navLabel")}</span>
      {total > 0 && (
        <span className="unread-badge" data-mentions={unread.data?.mentions ? true : undefined}>
          <span aria-hidden="true">{total}</span>
          <span className="visually-hidden">{t("unread.badge", { count: total })}</span>
        </span>
      )}
    </NavLink>
  );
}
