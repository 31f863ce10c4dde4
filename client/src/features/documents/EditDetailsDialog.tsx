import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type DocumentSummary, updateDocumentRequest } from "../../../../shared/schemas/documents";
import { type FieldErrors, validate } from "../../forms/errors";
import { Modal } from "../../ui/Modal";
import {
  DialogFormActions,
  DocumentMetadataFields,
  SaveErrorAlert,
  serverFieldErrors,
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
  const metadata = useDocumentMetadata({
    municipality: document.municipality ?? undefined,
    isCentreCity: document.isCentreCity ?? undefined,
    outcome: document.outcome ?? undefined,
    meetingDate: document.meetingDate ?? undefined,
    meetingPlace: document.meetingPlace ?? undefined,
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const close = () => {
    update.reset();
    setErrors({});
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(updateDocumentRequest, metadata.requestFields(document.kind));
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    update.mutate(checked.data, {
      onSuccess: close,
      onError: (error) => {
        const fieldErrors = serverFieldErrors(error);
        if (fieldErrors) setErrors(fieldErrors);
      },
    });
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
