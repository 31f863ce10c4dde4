import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useMatch } from "react-router";
import { DocumentList } from "../features/documents/DocumentList";
import { UnreadNavLink } from "../features/unread/UnreadNavLink";
import { useWorkspaces } from "../features/workspaces/workspace-queries";

/** The sidebar's element id: the top bar's menu button controls it. */
export const SIDEBAR_ID = "sidebar";

/** The sidebar: my workspaces, and inside a workspace its overview and its documents by kind. */
export function Sidebar({ open }: { open: boolean }) {
  const { t } = useTranslation(["shell", "common", "lessons", "comparison", "handbook", "history"]);
  const workspaceId = useMatch("/w/:workspaceId/*")?.params.workspaceId;
  const workspaces = useWorkspaces();
  const current = workspaces.data?.find((w) => w.id === workspaceId);
  const navRef = useRef<HTMLElement>(null);
  // Opened as a drawer: focus goes into it, so keyboard and screen-reader users land where they asked to be.
  useEffect(() => {
    if (open) navRef.current?.focus();
  }, [open]);
  return (
    <nav
      id={SIDEBAR_ID}
      ref={navRef}
      className={open ? "sidebar sidebar--open" : "sidebar"}
      aria-label={t("sidebar.label")}
      tabIndex={-1}
    >
      <Link to="/" className="sidebar__brand">
        <span className="brand-mark" aria-hidden="true" />
        {t("common:appName")}
      </Link>

      {workspaceId && (
        <div className="sidebar__section">
          <p className="sidebar__workspace-name">{current?.name ?? "…"}</p>
          <ul className="sidebar__list">
            <li>
              <NavLink to={`/w/${workspaceId}`} end className="sidebar__link">
                {t("sidebar.overview")}
              </NavLink>
            </li>
            <li>
              <UnreadNavLink workspaceId={workspaceId} />
            </li>
            <li>
              <NavLink to={`/w/${workspaceId}/veranderd`} className="sidebar__link">
                {t("history:changes.open")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/w/${workspaceId}/vergelijken`} className="sidebar__link">
                {t("comparison:nav")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/w/${workspaceId}/handboek`} className="sidebar__link">
                {t("handbook:nav")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/w/${workspaceId}/minimaal`} className="sidebar__link">
                {t("handbook:minimal.nav")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/w/${workspaceId}/lessen`} className="sidebar__link">
                {t("lessons:sidebar.lessons")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/w/${workspaceId}/themas`} className="sidebar__link">
                {t("lessons:sidebar.themes")}
              </NavLink>
            </li>
          </ul>
          <DocumentList workspaceId={workspaceId} />
        </div>
      )}

      <div className="sidebar__section">
        <h2 className="sidebar__heading">{t("sidebar.myWorkspaces")}</h2>
        {workspaces.data && workspaces.data.length === 0 && (
          <p className="sidebar__empty">{t("sidebar.noWorkspaces")}</p>
        )}
        <ul className="sidebar__list">
          {workspaces.data?.map((workspace) => (
            <li key={workspace.id}>
              <NavLink to={`/w/${workspace.id}`} className="sidebar__link" end={false}>
                <span className="sidebar__link-text">{workspace.name}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
