import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { describeApiError } from "../../forms/errors";
import { useFormatDate } from "../../i18n/format";
import { currentLocale } from "../../i18n/locale";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { PageError, PageLoading } from "../../ui/PageState";
import { usePageTitle } from "../../ui/use-page-title";
import { useWorkspace } from "../workspaces/workspace-queries";
import { ComparisonMatrixTable } from "./ComparisonMatrixTable";
import { comparisonsPath, useDeleteComparison, useSavedComparison } from "./comparison-queries";
import { SavedComparisonsList } from "./SavedComparisonsList";
import { ShareLink } from "./ShareLink";
import "./comparison.css";

/** Route /w/:workspaceId/vergelijking/:comparisonId: a saved comparison, its link, exports and deletion. */
export function SavedComparisonPage() {
  const { t } = useTranslation(["comparison", "common"]);
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const { workspaceId = "", comparisonId = "" } = useParams();
  const query = useSavedComparison(workspaceId, comparisonId);
  const workspace = useWorkspace(workspaceId);
  const remove = useDeleteComparison(workspaceId);
  const [confirming, setConfirming] = useState(false);
  usePageTitle(query.data ? t("saved.savedTitle", { name: query.data.name }) : undefined);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const comparison = query.data;
  const exportBase = `${comparisonsPath(workspaceId)}/${encodeURIComponent(comparison.id)}`;
  // Same rule as the server: whoever may save comparisons may delete them.
  const canDelete = workspace.data?.role === "facilitator" || workspace.data?.role === "editor";

  return (
    <div className="page page--wide">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("saved.savedTitle", { name: comparison.name })}</h1>
          <p className="page__meta">
            {t("saved.by", { name: comparison.createdBy.name, when: formatDate(comparison.createdAt) })}
          </p>
        </div>
        <Link className="button button--secondary" to={`/w/${workspaceId}/vergelijken`}>
          {t("saved.newComparison")}
        </Link>
      </header>
      <div className="comparison-toolbar">
        <ShareLink path={comparison.path} />
        <div className="comparison-toolbar__actions">
          <a
            className="button button--secondary"
            href={`${exportBase}/export.md?lang=${currentLocale()}`}
            download
          >
            {t("saved.exportMarkdown")}
          </a>
          <a
            className="button button--secondary"
            href={`${exportBase}/export.csv?lang=${currentLocale()}`}
            download
          >
            {t("saved.exportCsv")}
          </a>
          {canDelete && (
            <Button variant="danger" onPress={() => setConfirming(true)}>
              {t("saved.delete")}
            </Button>
          )}
        </div>
      </div>
      <ComparisonMatrixTable workspaceId={workspaceId} matrix={comparison.matrix} />
      <SavedComparisonsList workspaceId={workspaceId} currentId={comparison.id} />
      <Modal
        title={t("saved.confirmDelete", { name: comparison.name })}
        isOpen={confirming}
        onOpenChange={setConfirming}
        role="alertdialog"
        isDismissable={!remove.isPending}
      >
        <p>{t("saved.confirmDeleteBody")}</p>
        {remove.isError && <Alert>{describeApiError(remove.error)}</Alert>}
        <div className="form__actions">
          <Button onPress={() => setConfirming(false)} isDisabled={remove.isPending}>
            {t("common:actions.cancel")}
          </Button>
          <Button
            variant="danger"
            isPending={remove.isPending}
            onPress={() =>
              remove.mutate(comparison.id, {
                onSuccess: () => void navigate(`/w/${workspaceId}/vergelijken`, { replace: true }),
              })
            }
          >
            {t("saved.delete")}
          </Button>
        </div>
      </Modal>
    </div>
  );
}
