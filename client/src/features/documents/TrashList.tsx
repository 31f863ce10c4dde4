import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeApiError } from "../../forms/errors";
import { Button } from "../../ui/Button";
import { useDocuments, useTrashDocument } from "./document-queries";

/** The workspace's trash: documents moved there, each with a restore button for writers. */
export function TrashList({ workspaceId, canRestore }: { workspaceId: string; canRestore: boolean }) {
  const { t } = useTranslation("documents");
  const trashed = useDocuments(workspaceId, true);
  const restore = useTrashDocument();
  return (
    <div className="trash-list">
      <h3 className="document-list__kind">{t("trash.heading")}</h3>
      {restore.isError && <p role="alert">{describeApiError(restore.error)}</p>}
      {trashed.data?.length === 0 && <p className="sidebar__empty">{t("trash.empty")}</p>}
      <ul className="sidebar__list">
        {trashed.data?.map((doc) => (
          <li key={doc.id} className="trash-list__item">
            <Link to={`/w/${workspaceId}/d/${doc.id}`} className="sidebar__link">
              <span className="sidebar__link-text">{doc.title}</span>
            </Link>
            {canRestore && (
              <Button
                size="small"
                variant="quiet"
                aria-label={t("trash.restoreNamed", { title: doc.title })}
                isPending={restore.isPending && restore.variables?.documentId === doc.id}
                onPress={() => restore.mutate({ documentId: doc.id, trashed: false })}
              >
                {t("trash.restore")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
