import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { Alert } from "../../ui/Alert";
import { PageError, PageLoading } from "../../ui/PageState";
import { Spinner } from "../../ui/Spinner";
import { usePageTitle } from "../../ui/use-page-title";
import { describeApiError } from "../../forms/errors";
import { useDocuments } from "../documents/document-queries";
import { useWorkspace } from "../workspaces/workspace-queries";
import { CasePicker } from "./CasePicker";
import { ComparisonMatrixTable } from "./ComparisonMatrixTable";
import { useComparisonPreview } from "./comparison-queries";
import { SaveComparisonForm } from "./SaveComparisonForm";
import { SavedComparisonsList } from "./SavedComparisonsList";
import "./comparison.css";

/** Route /w/:workspaceId/vergelijken: pick cases (kept in the URL as ?c=…), see the matrix, save it. */
export function ComparisonPage() {
  const { t } = useTranslation("comparison");
  const workspaceId = useParams().workspaceId ?? "";
  const [params, setParams] = useSearchParams();
  // Local state answers the checkbox at once; the URL (?c=…) follows so the pick survives a reload or a shared link.
  const [caseIds, setLocalCaseIds] = useState(() => params.getAll("c"));
  const documents = useDocuments(workspaceId);
  const workspace = useWorkspace(workspaceId);
  const preview = useComparisonPreview(workspaceId, caseIds);
  usePageTitle(t("page.title"));

  if (documents.isPending) return <PageLoading />;
  if (documents.isError)
    return <PageError error={documents.error} onRetry={() => void documents.refetch()} />;
  const cases = documents.data.filter((d) => d.kind === "case");
  const canSave = workspace.data?.role === "facilitator" || workspace.data?.role === "editor";
  const setCaseIds = (ids: string[]) => {
    setLocalCaseIds(ids);
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        next.delete("c");
        for (const id of ids) next.append("c", id);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <div className="page page--wide">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("page.title")}</h1>
          <p className="page__lead">{t("page.intro")}</p>
        </div>
      </header>
      <CasePicker cases={cases} selected={caseIds} onChange={setCaseIds} />
      {caseIds.length >= 2 && (
        <section className="section" aria-label={t("matrix.caption")} aria-busy={preview.isFetching}>
          {preview.isPending && (
            <p role="status" className="progress-line">
              <Spinner /> {t("page.comparing")}
            </p>
          )}
          {preview.isError && <Alert>{describeApiError(preview.error)}</Alert>}
          {preview.data && <ComparisonMatrixTable workspaceId={workspaceId} matrix={preview.data} />}
          {preview.data && canSave && <SaveComparisonForm workspaceId={workspaceId} caseIds={caseIds} />}
        </section>
      )}
      <SavedComparisonsList workspaceId={workspaceId} />
    </div>
  );
}
