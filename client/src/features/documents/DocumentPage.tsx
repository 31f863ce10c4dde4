import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { canWriteText } from "../../../../shared/roles";
import { DocumentEditor } from "../../editor/DocumentEditor";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { useMe } from "../auth/session";
import { DocumentComments } from "../comments/DocumentComments";
import { FollowButton } from "../follows/FollowButton";
import { ChapterThemePicker } from "../handbook/ChapterThemePicker";
import { NameVersionDialog } from "../history/NameVersionDialog";
import { MeetingCalendarActions } from "../meetings/MeetingCalendarActions";
import { EvidencePanel } from "../recommendations/EvidencePanel";
import { DocumentDetails } from "./DocumentDetails";
import { DocumentTitle } from "./DocumentTitle";
import { useDocument, useTrashDocument } from "./document-queries";
import { EditDetailsDialog } from "./EditDetailsDialog";
import { TrashDocumentDialog, type TrashedState } from "./TrashDocumentDialog";
import "./documents.css";

/** One document (route /w/:workspaceId/d/:documentId): title, kind and metadata, and the live editor. */
export function DocumentPage() {
  const { t } = useTranslation(["documents", "history"]);
  const navigate = useNavigate();
  const { workspaceId = "", documentId = "" } = useParams();
  const me = useMe();
  const query = useDocument(documentId);
  const trash = useTrashDocument();
  usePageTitle(query.data?.document.title);
  const { refetch } = query;
  const reloadAccess = useCallback(() => void refetch(), [refetch]);
  const [editingDetails, setEditingDetails] = useState(false);
  const [confirmingTrash, setConfirmingTrash] = useState(false);
  const [namingVersion, setNamingVersion] = useState(false);
  const [savedVersion, setSavedVersion] = useState<string>();

  if (query.isPending || me.isPending) return <PageLoading />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const { document, role } = query.data;
  const canWrite = canWriteText(role);
  const trashed = document.deletedAt !== null;
  const hasDetails = document.kind === "case" || document.kind === "meeting";
  const user = me.data;

  return (
    <article className="document-page">
      <header className="document-page__header">
        <DocumentTitle documentId={document.id} title={document.title} editable={canWrite && !trashed} />
        <DocumentDetails document={document} />
        {!trashed && <MeetingCalendarActions document={document} role={role} />}
        {!trashed && (
          <div className="document-page__actions">
            <FollowButton workspaceId={workspaceId} targetType="document" targetId={document.id} />
            <Link
              to={`/w/${workspaceId}/d/${document.id}/geschiedenis`}
              className="button button--secondary button--small"
            >
              {t("history:open")}
            </Link>
            {canWrite && (
              <Button size="small" onPress={() => setNamingVersion(true)}>
                {t("history:name.open")}
              </Button>
            )}
            {canWrite && hasDetails && (
              <Button size="small" onPress={() => setEditingDetails(true)}>
                {t("page.editDetails")}
              </Button>
            )}
            {canWrite && (
              <Button size="small" variant="danger" onPress={() => setConfirmingTrash(true)}>
                {t("trash.moveToTrash")}
              </Button>
            )}
          </div>
        )}
        {namingVersion && (
          <NameVersionDialog
            documentId={document.id}
            onClose={() => setNamingVersion(false)}
            onSaved={(version) => {
              setNamingVersion(false);
              setSavedVersion(version.name ?? "");
            }}
          />
        )}
        {savedVersion && (
          <div className="restored-notice" role="status">
            <span>{t("history:name.saved", { name: savedVersion })}</span>{" "}
            <Link to={`/w/${workspaceId}/d/${document.id}/geschiedenis`}>
              {t("history:name.viewHistory")}
            </Link>
          </div>
        )}
        {confirmingTrash && (
          <TrashDocumentDialog
            document={document}
            onClose={() => setConfirmingTrash(false)}
            onTrashed={() => {
              const state: TrashedState = { trashed: { id: document.id, title: document.title } };
              void navigate(`/w/${workspaceId}`, { state });
            }}
          />
        )}
        {editingDetails && (
          <EditDetailsDialog document={document} isOpen onClose={() => setEditingDetails(false)} />
        )}
        {trash.isError && <Alert>{describeApiError(trash.error)}</Alert>}
        {document.kind === "chapter" && !trashed && (
          <ChapterThemePicker workspaceId={workspaceId} documentId={document.id} canChange={canWrite} />
        )}
      </header>
      {trashed ? (
        <div className="document-page__trashed">
          <Alert tone="info">
            {document.deletedBy
              ? t("trash.trashedBy", { name: document.deletedBy.name })
              : t("trash.inTrash")}
          </Alert>
          {canWrite && (
            <Button
              variant="primary"
              isPending={trash.isPending}
              onPress={() => trash.mutate({ documentId: document.id, trashed: false })}
            >
              {t("trash.restore")}
            </Button>
          )}
        </div>
      ) : (
        <>
          {!canWrite && <p className="document-page__readonly">{t("page.readOnly")}</p>}
          {user && (
            <DocumentComments
              key={document.id}
              workspaceId={workspaceId}
              documentId={document.id}
              role={role}
              userId={user.id}
            >
              <DocumentEditor
                key={document.id}
                documentId={document.id}
                readOnly={!canWrite}
                user={user}
                onAccessChanged={reloadAccess}
              />
            </DocumentComments>
          )}
          {document.kind === "recommendation" && (
            <EvidencePanel workspaceId={workspaceId} documentId={document.id} canManage={canWrite} />
          )}
        </>
      )}
    </article>
  );
}
