import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { type TrashedState, TrashedNotice } from "../documents/TrashDocumentDialog";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { InvitesSection } from "./InvitesSection";
import { MembersSection } from "./MembersSection";
import { WorkspaceFormDialog } from "./WorkspaceFormDialog";
import { WorkspaceWork } from "./WorkspaceWork";
import { useUpdateWorkspace, useWorkspace } from "./workspace-queries";

/** A workspace's home: what it is about, what the group works on, its members, and (for facilitators) its invitations. */
export function WorkspaceHomePage() {
  const { t } = useTranslation(["workspaces", "common"]);
  const workspaceId = useParams().workspaceId ?? "";
  const workspace = useWorkspace(workspaceId);
  const update = useUpdateWorkspace(workspaceId);
  const [editing, setEditing] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const trashed = (location.state as Partial<TrashedState> | null)?.trashed;
  usePageTitle(workspace.data?.name);

  if (workspace.isPending) return <PageLoading />;
  if (workspace.isError) return <PageError error={workspace.error} onRetry={() => workspace.refetch()} />;

  const { name, description, period, role } = workspace.data;
  const isFacilitator = role === "facilitator";
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{name}</h1>
          <p className="page__meta">
            <span className={`role-badge role-badge--${role}`}>
              {t("list.yourRole", { role: t(`common:roles.${role}`) })}
            </span>
            {period && <span>{t("home.period", { period })}</span>}
          </p>
        </div>
        {isFacilitator && <Button onPress={() => setEditing(true)}>{t("home.edit")}</Button>}
      </header>
      {trashed && (
        <TrashedNotice
          trashed={trashed}
          onDone={() => void navigate(`/w/${workspaceId}/d/${trashed.id}`, { replace: true })}
        />
      )}
      <p className={description ? "page__lead page__lead--prose" : "page__lead muted"}>
        {description || t("home.noDescription")}
      </p>

      <WorkspaceWork workspaceId={workspaceId} />

      <MembersSection workspaceId={workspaceId} canManage={isFacilitator} />
      {isFacilitator && <InvitesSection workspaceId={workspaceId} />}

      {editing && (
        <WorkspaceFormDialog
          title={t("home.editTitle")}
          submitLabel={t("common:actions.save")}
          pendingLabel={t("common:actions.saving")}
          initial={{ name, description, period }}
          isOpen
          onOpenChange={setEditing}
          onSubmit={(fields) => update.mutateAsync(fields)}
        />
      )}
    </div>
  );
}
