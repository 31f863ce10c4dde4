import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { useCurrentUser } from "../auth/session";
import { WorkspaceFormDialog } from "./WorkspaceFormDialog";
import { useCreateWorkspace, useWorkspaces } from "./workspace-queries";

/** The home page: the workspaces I belong to, and creating one when I may. */
export function MyWorkspacesPage() {
  const { t } = useTranslation(["workspaces", "common"]);
  usePageTitle(t("list.title"));
  const user = useCurrentUser();
  const workspaces = useWorkspaces();
  const create = useCreateWorkspace();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const afterLogin = (useLocation().state as { afterLogin?: boolean } | null)?.afterLogin === true;
  if (afterLogin && workspaces.data?.length === 1)
    return <Navigate to={`/w/${workspaces.data[0].id}`} replace />;
  // Right after logging in, the list is not shown until it is known whether to go straight into the one workspace.
  if (afterLogin && workspaces.isPending) return <PageLoading />;

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("list.title")}</h1>
          <p className="page__lead">{t("list.intro")}</p>
        </div>
        {user.canCreateWorkspaces && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t("create.open")}
          </Button>
        )}
      </header>

      {workspaces.isPending && <PageLoading />}
      {workspaces.isError && <PageError error={workspaces.error} onRetry={() => workspaces.refetch()} />}
      {workspaces.data?.length === 0 && (
        <p className="empty-state">{user.canCreateWorkspaces ? t("list.emptyCreator") : t("list.empty")}</p>
      )}
      {workspaces.data && workspaces.data.length > 0 && (
        <ul className="card-list">
          {workspaces.data.map((workspace) => (
            <li key={workspace.id} className="card card--link">
              <h2 className="card__title">
                <Link to={`/w/${workspace.id}`} className="card__link">
                  {workspace.name}
                </Link>
              </h2>
              {workspace.description && <p className="card__text">{workspace.description}</p>}
              <p className="card__meta">
                <span className={`role-badge role-badge--${workspace.role}`}>
                  {t("list.yourRole", { role: t(`common:roles.${workspace.role}`) })}
                </span>
                {workspace.period && <span>{workspace.period}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}

      {creating && (
        <WorkspaceFormDialog
          title={t("create.title")}
          submitLabel={t("create.submit")}
          pendingLabel={t("create.submitting")}
          isOpen
          onOpenChange={setCreating}
          onSubmit={async (fields) => {
            const workspace = await create.mutateAsync(fields);
            navigate(`/w/${workspace.id}`);
          }}
        />
      )}
    </div>
  );
}
