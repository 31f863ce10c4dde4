import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { currentLocale } from "../../i18n/locale";
import { downloadFile } from "./download-file";
import { handbookPath, useMarkExported, useUndoMarkExported } from "./handbook-queries";

const formats = [
  { id: "html", ext: "html", label: "export.html" },
  { id: "markdown", ext: "md", label: "export.markdown" },
  { id: "docx", ext: "docx", label: "export.docx" },
] as const;
type Format = (typeof formats)[number];

type Notice =
  | { kind: "marked"; token: string; count: number }
  | { kind: "restored"; count: number }
  | { kind: "none" };

/** Export buttons (HTML, Markdown, DOCX downloads with progress) and, for the facilitator, the in-handbook mark with undo. */
export function HandbookExports({ workspaceId, canCompile }: { workspaceId: string; canCompile: boolean }) {
  const { t } = useTranslation("handbook");
  const [exporting, setExporting] = useState<Format>();
  const [exportResult, setExportResult] = useState<
    { ok: true; file: string } | { ok: false; error: unknown }
  >();
  const mark = useMarkExported(workspaceId);
  const undo = useUndoMarkExported(workspaceId);
  const [notice, setNotice] = useState<Notice>();

  const download = async (format: Format) => {
    setExporting(format);
    setExportResult(undefined);
    try {
      const file = await downloadFile(
        // In the language on screen: the export uses the same words.
        `${handbookPath(workspaceId)}/export.${format.ext}?lang=${currentLocale()}`,
        `handboek.${format.ext}`,
      );
      setExportResult({ ok: true, file });
    } catch (error) {
      setExportResult({ ok: false, error });
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <section className="section handbook-exports" aria-labelledby="handbook-export-title">
      <h2 className="section__title" id="handbook-export-title">
        {t("export.title")}
      </h2>
      <div className="handbook-exports__buttons">
        {formats.map((format) => (
          <Button
            key={format.id}
            aria-label={t("export.downloadNamed", { format: t(format.label) })}
            isPending={exporting === format}
            isDisabled={exporting !== undefined && exporting !== format}
            onPress={() => void download(format)}
          >
            {t(format.label)}
          </Button>
        ))}
      </div>
      <div aria-live="polite" className="handbook-exports__status">
        {exporting && (
          <p className="progress-line" role="status">
            <Spinner /> {t("export.exporting", { format: t(exporting.label) })}
          </p>
        )}
        {exportResult?.ok && <p className="muted">{t("export.done", { file: exportResult.file })}</p>}
      </div>
      {exportResult && !exportResult.ok && (
        <Alert>
          {t("export.failed")} {describeApiError(exportResult.error)}
        </Alert>
      )}

      {canCompile && (
        <div className="handbook-exports__mark">
          <Button
            variant="primary"
            isPending={mark.isPending}
            pendingLabel={t("export.marking")}
            onPress={() =>
              mark.mutate(undefined, {
                onSuccess: ({ token, marked }) =>
                  setNotice(marked > 0 ? { kind: "marked", token, count: marked } : { kind: "none" }),
              })
            }
          >
            {t("export.mark")}
          </Button>
          {mark.isError && <Alert>{describeApiError(mark.error)}</Alert>}
          {undo.isError && <Alert>{describeApiError(undo.error)}</Alert>}
        </div>
      )}
      {notice && (
        <div className="toast" role="status">
          <span>
            {notice.kind === "marked" && t("export.marked", { count: notice.count })}
            {notice.kind === "restored" && t("export.restored", { count: notice.count })}
            {notice.kind === "none" && t("export.markedNone")}
          </span>
          {notice.kind === "marked" && (
            <Button
              size="small"
              isPending={undo.isPending}
              pendingLabel={t("export.undoing")}
              onPress={() =>
                undo.mutate(notice.token, {
                  onSuccess: (restored) => setNotice({ kind: "restored", count: restored }),
                })
              }
            >
              {t("export.undo")}
            </Button>
          )}
          <Button
            size="small"
            variant="quiet"
            aria-label={t("export.dismiss")}
            onPress={() => setNotice(undefined)}
          >
            ×
          </Button>
        </div>
      )}
    </section>
  );
}
