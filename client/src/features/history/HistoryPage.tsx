import { useEffect, useState } from "react";
import { ToggleButton, ToggleButtonGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { canWriteText } from "../../../../shared/roles";
import type { RestoreVersionResponse } from "../../../../shared/schemas/versions";
import { useFormatDateTime } from "../../i18n/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { SelectField } from "../../ui/SelectField";
import { Spinner } from "../../ui/Spinner";
import { usePageTitle } from "../../ui/use-page-title";
import { useDocument } from "../documents/document-queries";
import { type RestoreInput, useVersionDiff, useVersions } from "./history-queries";
import { NameVersionDialog } from "./NameVersionDialog";
import { RestoreDialog, RestoredNotice } from "./RestoreVersion";
import { type DiffLayout, VersionDiffView } from "./VersionDiffView";
import { useVersionName, VersionList } from "./VersionList";
import "./history.css";

/**
 * A document's history (route /w/:workspaceId/d/:documentId/geschiedenis): its versions, what changed
 * from one to now or to a later one, and restoring (whole or a block) with an undo. The choice lives in
 * the address (?versie=…&met=…&weergave=naast), so a link can point at one diff.
 */
export function HistoryPage() {
  const { t } = useTranslation("history");
  const { workspaceId = "", documentId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const document = useDocument(documentId);
  const versions = useVersions(documentId);
  const formatDateTime = useFormatDateTime();
  const nameOf = useVersionName();
  const list = versions.data ?? [];
  const fromId = params.get("versie") ?? list[0]?.id;
  const from = list.find((v) => v.id === fromId);
  // The list is newest first: what stands above the chosen version came after it.
  const newer = from ? list.slice(0, list.indexOf(from)) : [];
  const toParam = params.get("met");
  const to = toParam && newer.some((v) => v.id === toParam) ? toParam : "current";
  const layout: DiffLayout = params.get("weergave") === "naast" ? "sideBySide" : "inline";
  const diff = useVersionDiff(documentId, from?.id, to);
  const [naming, setNaming] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [restoring, setRestoring] = useState<RestoreInput>();
  const [restored, setRestored] = useState<RestoreVersionResponse>();
  usePageTitle(document.data ? t("title", { title: document.data.document.title }) : undefined);
  // The newest version is chosen when none is asked for; it is pinned in the address so that a version
  // taken meanwhile (a restore, someone else's session) does not change what is on screen.
  const pinned = params.get("versie");
  const newest = list[0]?.id;
  useEffect(() => {
    if (!pinned && newest) {
      const next = new URLSearchParams(params);
      next.set("versie", newest);
      setParams(next, { replace: true });
    }
  }, [pinned, newest, params, setParams]);

  if (document.isPending || versions.isPending) return <PageLoading />;
  if (document.isError) return <PageError error={document.error} onRetry={() => void document.refetch()} />;
  if (versions.isError) return <PageError error={versions.error} onRetry={() => void versions.refetch()} />;
  const { role } = document.data;
  const canRestore = canWriteText(role) && document.data.document.deletedAt === null;
  const choose = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const toVersion = list.find((v) => v.id === to);
  const toLabel = toVersion
    ? `${nameOf(toVersion)}, ${formatDateTime(toVersion.createdAt)}`
    : t("compare.to");
  const fromLabel = from ? `${nameOf(from)}, ${formatDateTime(from.createdAt)}` : t("compare.from");

  return (
    <article className="history-page">
      <header className="history-page__header">
        <Link to={`/w/${workspaceId}/d/${documentId}`} className="history-page__back">
          ← {t("back")}
        </Link>
        <h1>{t("title", { title: document.data.document.title })}</h1>
        <p className="history-page__intro">{t("intro")}</p>
        {canRestore ? (
          <Button size="small" onPress={() => setNaming(true)}>
            {t("name.open")}
          </Button>
        ) : (
          <p className="history-page__readonly">{t("restore.readOnly")}</p>
        )}
        {saved && <Alert tone="success">{t("name.saved", { name: saved })}</Alert>}
        {restored && <RestoredNotice key={restored.version.id} documentId={documentId} result={restored} />}
      </header>
      {list.length === 0 ? (
        <p className="empty-state">{t("noVersions")}</p>
      ) : (
        <div className="history-page__body">
          <section className="history-page__versions" aria-labelledby="history-versions">
            <h2 id="history-versions">{t("versions")}</h2>
            <VersionList
              versions={list}
              selectedId={from?.id}
              onSelect={(id) => choose({ versie: id, met: undefined })}
            />
          </section>
          <section className="history-page__diff" aria-label={fromLabel}>
            {from ? (
              <>
                <div className="history-page__controls">
                  <SelectField
                    label={t("compare.label")}
                    value={to}
                    options={[
                      { id: "current", label: t("compare.current") },
                      ...newer.map((v) => ({
                        id: v.id,
                        label: `${nameOf(v)}, ${formatDateTime(v.createdAt)}`,
                      })),
                    ]}
                    onChange={(value) => choose({ met: value === "current" ? undefined : value })}
                  />
                  <ToggleButtonGroup
                    className="toggle-group"
                    aria-label={t("compare.view")}
                    selectionMode="single"
                    disallowEmptySelection
                    selectedKeys={[layout]}
                    onSelectionChange={(keys) =>
                      choose({ weergave: [...keys][0] === "sideBySide" ? "naast" : undefined })
                    }
                  >
                    <ToggleButton id="inline" className="toggle-group__button">
                      {t("compare.inline")}
                    </ToggleButton>
                    <ToggleButton id="sideBySide" className="toggle-group__button">
                      {t("compare.sideBySide")}
                    </ToggleButton>
                  </ToggleButtonGroup>
                  {canRestore && (
                    <Button
                      variant="primary"
                      size="small"
                      onPress={() => setRestoring({ versionId: from.id })}
                    >
                      {t("restore.whole")}
                    </Button>
                  )}
                </div>
                {diff.isPending ? (
                  <p className="history-page__loading" role="status">
                    <Spinner /> {t("compare.loading")}
                  </p>
                ) : diff.isError ? (
                  <PageError error={diff.error} onRetry={() => void diff.refetch()} />
                ) : (
                  <div aria-busy={diff.isFetching}>
                    <VersionDiffView
                      diff={diff.data}
                      layout={layout}
                      fromLabel={fromLabel}
                      toLabel={toLabel}
                      onRestoreBlock={
                        canRestore && to === "current"
                          ? (block) => setRestoring({ versionId: from.id, blockIndex: block.topIndex })
                          : undefined
                      }
                    />
                  </div>
                )}
              </>
            ) : (
              <p className="empty-state">{t("compare.chooseVersion")}</p>
            )}
          </section>
        </div>
      )}
      {naming && (
        <NameVersionDialog
          documentId={documentId}
          onClose={() => setNaming(false)}
          onSaved={(version) => {
            setNaming(false);
            setSaved(version.name ?? "");
            choose({ versie: version.id, met: undefined });
          }}
        />
      )}
      {restoring && from && (
        <RestoreDialog
          documentId={documentId}
          request={restoring}
          versionDate={formatDateTime(from.createdAt)}
          onClose={() => setRestoring(undefined)}
          onRestored={(result) => {
            setRestoring(undefined);
            setRestored(result);
          }}
        />
      )}
    </article>
  );
}
