import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageError, PageLoading } from "../../ui/PageState";
import { Spinner } from "../../ui/Spinner";
import { usePageTitle } from "../../ui/use-page-title";
import { useWorkspace } from "../workspaces/workspace-queries";
import { HandbookExports } from "./HandbookExports";
import { HandbookPreview } from "./HandbookPreview";
import { useCompiledHandbook, useOutline } from "./handbook-queries";
import { OutlineEditor } from "./OutlineEditor";
import "./handbook.css";

/** Route /w/:workspaceId/handboek: the outline (facilitator), exports, and the compiled handbook on screen. */
export function HandbookPage() {
  const { t } = useTranslation("handbook");
  const workspaceId = useParams().workspaceId ?? "";
  const workspace = useWorkspace(workspaceId);
  const outline = useOutline(workspaceId);
  const handbook = useCompiledHandbook(workspaceId);
  usePageTitle(t("page.title"));

  if (workspace.isPending || outline.isPending) return <PageLoading />;
  if (workspace.isError)
    return <PageError error={workspace.error} onRetry={() => void workspace.refetch()} />;
  if (outline.isError) return <PageError error={outline.error} onRetry={() => void outline.refetch()} />;
  const isFacilitator = workspace.data.role === "facilitator";

  return (
    <div className="page page--wide handbook-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("page.title")}</h1>
          <p className="page__lead">{t("page.intro")}</p>
        </div>
      </header>
      {isFacilitator ? (
        <OutlineEditor workspaceId={workspaceId} outline={outline.data} />
      ) : (
        <p className="muted">{t("outline.readOnly")}</p>
      )}
      <HandbookExports workspaceId={workspaceId} canCompile={isFacilitator} />
      <section className="section" aria-labelledby="handbook-preview-title" aria-busy={handbook.isFetching}>
        <h2 className="section__title" id="handbook-preview-title">
          {t("preview.title")}
        </h2>
        {handbook.isFetching && (
          <p className="progress-line" role="status">
            <Spinner /> {t("page.compiling")}
          </p>
        )}
        {handbook.isError && <PageError error={handbook.error} onRetry={() => void handbook.refetch()} />}
        {handbook.data && <HandbookPreview workspaceId={workspaceId} handbook={handbook.data} />}
      </section>
    </div>
  );
}
