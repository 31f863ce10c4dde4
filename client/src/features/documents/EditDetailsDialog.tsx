import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type DocumentSummary, updateDocumentRequest } from "../../../../shared/schemas/documents";
import { Modal } from "../../ui/Modal";
import {
  DialogFormActions,
  DocumentMetadataFields,
  SaveErrorAlert,
  useDocumentDialogForm,
  useDocumentMetadata,
} from "./DocumentFormParts";
import { useUpdateDocument } from "./document-queries";

/** Edits a case's or a meeting's metadata (the other kinds have none). */
export function EditDetailsDialog({
  document,
  isOpen,
  onClose,
}: {
  document: DocumentSummary;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(["documents", "common"]);
  const update = useUpdateDocument(document.id);
  const metadata = useDocumentMetadata(document);
  const { errors, close, check, onError } = useDocumentDialogForm(update, onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = check(updateDocumentRequest, metadata.requestFields(document.kind));
    if (data) update.mutate(data, { onSuccess: close, onError });
  };

  return (
    <Modal title={t("page.editDetails")} isOpen={isOpen} onOpenChange={(open) => !open && close()}>
      <form className="form" onSubmit={submit} noValidate>
        <SaveErrorAlert isError={update.isError} error={update.error} />
        <DocumentMetadataFields
          kind={document.kind}
          form={metadata}
          errors={errors}
          dateId={`meeting-date-${document.id}`}
          autoFocus
        />
        <DialogFormActions
          onCancel={close}
          isPending={update.isPending}
          submitLabel={t("common:actions.save")}
          pendingLabel={t("common:actions.saving")}
        />
      </form>
    </Modal>
  );
}
