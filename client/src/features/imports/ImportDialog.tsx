import { type FormEvent, useEffect, useRef, useState } from "react";
import { FileTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import {
  createDocumentRequest,
  type DocumentKind,
  documentKinds,
} from "../../../../shared/schemas/documents";
import { IMPORT_LIMITS } from "../../../../shared/schemas/imports";
import { type FieldErrors, validate } from "../../forms/errors";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { SelectField } from "../../ui/SelectField";
import {
  type DocumentMetadata,
  DocumentMetadataFields,
  useDocumentMetadata,
} from "../documents/DocumentFormParts";
import { ImportRow } from "./ImportRow";
import { importAccept } from "./import-files";
import type { ImportQueue } from "./use-import-queue";

/**
 * "Bestanden importeren": the kind (and its metadata) once for all files, the files with a row each, and the
 * import that runs them one after another. Files come from the picker, or are dropped anywhere on the screen.
 */
export function ImportDialog({
  workspaceId,
  queue,
  initialKind = "note",
  initialMetadata,
  onClose,
}: {
  workspaceId: string;
  queue: ImportQueue;
  initialKind?: DocumentKind;
  initialMetadata?: Partial<DocumentMetadata>;
  onClose: () => void;
}) {
  const { t } = useTranslation(["imports", "documents", "common"]);
  const [kind, setKind] = useState<DocumentKind>(initialKind);
  const metadata = useDocumentMetadata(initialMetadata);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [noFiles, setNoFiles] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const busy = queue.run !== "idle";
  const waiting = queue.items.filter((item) => item.state.status === "waiting").length;
  const finished = queue.items.filter(
    (item) => !["waiting", "uploading", "processing"].includes(item.state.status),
  );
  const imported = finished.filter((item) => item.state.status === "imported").length;
  const onlyResults = !busy && waiting === 0 && finished.length > 0;

  // When an import ends its buttons come into view; and the button that had focus can go with it ("Stoppen"):
  // the keyboard stays in the dialog.
  const wasBusy = useRef(false);
  useEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    if (!ended) return;
    const submitButton = formRef.current?.querySelector<HTMLButtonElement>("button[type=submit]");
    submitButton?.scrollIntoView({ block: "nearest" });
    const active = document.activeElement;
    if (!active || active === document.body) submitButton?.focus();
  }, [busy]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (onlyResults) {
      onClose();
      return;
    }
    if (waiting === 0) {
      setNoFiles(true);
      return;
    }
    // The title comes from each file; one stands in here so the new-document rules check the kind's metadata.
    const checked = validate(createDocumentRequest, {
      title: "import",
      kind,
      ...metadata.requestFields(kind),
    });
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const { title: _standIn, ...fields } = checked.data;
    void queue.start(fields);
  };

  const addFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setNoFiles(false);
    queue.add(Array.from(files));
  };

  const kindOptions = documentKinds.map((k) => ({ id: k, label: t(`documents:kind.${k}`) }));
  return (
    <Modal title={t("title")} isOpen onOpenChange={(open) => !open && onClose()} isDismissable={!busy}>
      <form ref={formRef} className="form import-dialog" onSubmit={submit} noValidate>
        <p className="import-dialog__intro">
          {t("intro", { max: IMPORT_LIMITS.maxFileBytes / (1024 * 1024) })}
        </p>
        <SelectField
          label={t("kindLabel")}
          description={t("kindDescription")}
          name="kind"
          options={kindOptions}
          value={kind}
          onChange={setKind}
          isDisabled={busy}
        />
        <DocumentMetadataFields kind={kind} form={metadata} errors={errors} dateId="import-meeting-date" />
        <div className="import-dialog__picker">
          <FileTrigger acceptedFileTypes={importAccept.split(",")} allowsMultiple onSelect={addFiles}>
            <Button>{t("pick")}</Button>
          </FileTrigger>
          <span className="import-dialog__drop-hint">{t("dropHint")}</span>
        </div>
        {noFiles && (
          <p className="field__error" role="alert">
            {t("chooseFirst")}
          </p>
        )}
        {queue.items.length > 0 && (
          <ul className="import-list" aria-label={t("files")}>
            {queue.items.map((item) => (
              <ImportRow
                key={item.id}
                item={item}
                workspaceId={workspaceId}
                onRemove={busy ? undefined : () => queue.remove(item.id)}
                onOpen={onClose}
              />
            ))}
          </ul>
        )}
        <p className="import-dialog__status" role="status">
          {busy && queue.position && t("progress", queue.position)}
          {!busy && queue.ran && t("summary", { imported, total: finished.length })}
          {!busy && queue.stopped && ` ${t("stopped")}`}
        </p>
        <div className="form__actions">
          {busy ? (
            <Button variant="quiet" onPress={queue.stop} isPending={queue.run === "stopping"}>
              {t("stop")}
            </Button>
          ) : (
            !onlyResults && (
              <Button variant="quiet" onPress={onClose}>
                {finished.length > 0 ? t("common:actions.close") : t("common:actions.cancel")}
              </Button>
            )
          )}
          <Button variant="primary" type="submit" isPending={busy} pendingLabel={t("importing")}>
            {onlyResults ? t("done") : t("start", { count: waiting })}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
