import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { canWriteText } from "../../../../shared/roles";
import type { DocumentSummary } from "../../../../shared/schemas/documents";
import { useFormatDate } from "../../i18n/format";
import { Button } from "../../ui/Button";
import { useWorkspace } from "../workspaces/workspace-queries";
import { useDocuments } from "./document-queries";
import { NewDocumentDialog } from "./NewDocumentDialog";
import { groupByKind, recentlyEdited } from "./sidebar-order";
import { TrashList } from "./TrashList";
import "./documents.css";

function DocumentLink({ workspaceId, doc }: { workspaceId: string; doc: DocumentSummary }) {
  const { t } = useTranslation("documents");
  const formatDate = useFormatDate();
  return (
    <li>
      <NavLink to={`/w/${workspaceId}/d/${doc.id}`} className="sidebar__link document-list__link">
        <span className="sidebar__link-text">{doc.title}</span>
        <span className="document-list__edited">
          {t("lastEdited", { name: doc.updatedBy.name, when: formatDate(doc.updatedAt) })}
        </span>
      </NavLink>
    </li>
  );
}

/** The workspace's documents by kind (sidebar), the "new document" dialog and the trash. */
export function DocumentList({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation("documents");
  const workspace = useWorkspace(workspaceId);
  const documents = useDocuments(workspaceId);
  const [creating, setCreating] = useState(false);
  const [showTrash, setShowTrash] = useState(false);
  const canWrite = workspace.data ? canWriteText(workspace.data.role) : false;

  return (
    <section className="document-list" aria-labelledby={`documents-${workspaceId}`}>
      <div className="document-list__header">
        <h2 className="sidebar__heading" id={`documents-${workspaceId}`}>
          {t("heading")}
        </h2>
        {canWrite && (
          <Button size="small" variant="primary" onPress={() => setCreating(true)}>
            {t("newDocument")}
          </Button>
        )}
      </div>
      {documents.isError && <p className="sidebar__empty">{t("loadFailed")}</p>}
      {documents.data && documents.data.length === 0 && <p className="sidebar__empty">{t("empty")}</p>}
      {documents.data && documents.data.length > 3 && (
        <div className="document-list__group document-list__group--recent">
          <h3 className="document-list__kind">{t("recent")}</h3>
          <ul className="sidebar__list">
            {recentlyEdited(documents.data).map((doc) => (
              <DocumentLink key={doc.id} workspaceId={workspaceId} doc={doc} />
            ))}
          </ul>
        </div>
      )}
      {documents.data &&
        groupByKind(documents.data).map(([kind, docs]) => (
          <div key={kind} className="document-list__group">
            <h3 className="document-list__kind">{t(`kinds.${kind}`)}</h3>
            <ul className="sidebar__list">
              {docs.map((doc) => (
                <DocumentLink key={doc.id} workspaceId={workspaceId} doc={doc} />
              ))}
            </ul>
          </div>
        ))}
      <Button
        size="small"
        variant="quiet"
        className="document-list__trash-toggle"
        aria-expanded={showTrash}
        onPress={() => setShowTrash((shown) => !shown)}
      >
        {t("trash.show")}
      </Button>
      {showTrash && <TrashList workspaceId={workspaceId} canRestore={canWrite} />}
      {canWrite && (
        <NewDocumentDialog workspaceId={workspaceId} isOpen={creating} onClose={() => setCreating(false)} />
      )}
    </section>
  );
}
