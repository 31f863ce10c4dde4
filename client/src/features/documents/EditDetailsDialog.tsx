import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type DocumentSummary, updateDocumentRequest } from "../../../../shared/schemas/documents";
import {
  type DocumentDialogProps,
  DocumentFormDialog,
  DocumentMetadataFields,
  useDocumentDialogForm,
  useDocumentMetadata,
} from "./DocumentFormParts";
import { useUpdateDocument } from "./document-queries";

/** Edits a case's or a meeting's metadata (the other kinds have none). */
export function EditDetailsDialog({
  document,
  isOpen,
  onClose,
}: DocumentDialogProps & { document: DocumentSummary }) {
  const { t } = useTranslation(["documents", "common"]);
  const update = useUpdateDocument(document.id);
  const metadata = useDocumentMetadata(document);
  const { errors, close, check, onError, frame } = useDocumentDialogForm(update, { isOpen, onClose });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = check(updateDocumentRequest, metadata.requestFields(document.kind));
    if (data) update.mutate(data, { onSuccess: close, onError });
  };

  return (
    <DocumentFormDialog
      title={t("page.editDetails")}
      {...frame}
      onSubmit={submit}
      submitLabel={t("common:actions.save")}
      pendingLabel={t("common:actions.saving")}
    >
      <DocumentMetadataFields
        kind={document.kind}
        form={metadata}
        errors={errors}
        dateId={`meeting-date-${document.id}`}
        autoFocus
      />
    </DocumentFormDialog>
  );
}
