import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  createDocumentRequest,
  type DocumentKind,
  documentKinds,
} from "../../../../shared/schemas/documents";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import {
  type DocumentDialogProps,
  DocumentFormDialog,
  DocumentMetadataFields,
  useDocumentDialogForm,
  useDocumentMetadata,
} from "./DocumentFormParts";
import { useCreateDocument } from "./document-queries";

/** The "new document" dialog: title, kind, and the kind's metadata fields; opens the document when made. */
export function NewDocumentDialog({
  workspaceId,
  isOpen,
  onClose,
}: DocumentDialogProps & { workspaceId: string }) {
  const { t } = useTranslation(["documents", "common"]);
  const navigate = useNavigate();
  const create = useCreateDocument(workspaceId);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("note");
  const metadata = useDocumentMetadata();
  const { errors, close, check, onError, frame } = useDocumentDialogForm(create, { isOpen, onClose });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = check(createDocumentRequest, { title, kind, ...metadata.requestFields(kind) });
    if (!data) return;
    create.mutate(data, {
      onSuccess: (document) => {
        setTitle("");
        close();
        void navigate(`/w/${workspaceId}/d/${document.id}`);
      },
      onError,
    });
  };

  const kindOptions = documentKinds.map((k) => ({ id: k, label: t(`kind.${k}`) }));
  return (
    <DocumentFormDialog
      title={t("create.title")}
      {...frame}
      onSubmit={submit}
      submitLabel={t("create.submit")}
      pendingLabel={t("create.submitting")}
    >
      <TextField
        label={t("create.titleLabel")}
        name="title"
        value={title}
        onChange={setTitle}
        error={errors.title}
        isRequired
        autoFocus
        maxLength={200}
      />
      <SelectField
        label={t("create.kindLabel")}
        name="kind"
        options={kindOptions}
        value={kind}
        onChange={setKind}
      />
      <DocumentMetadataFields kind={kind} form={metadata} errors={errors} dateId="new-document-date" />
    </DocumentFormDialog>
  );
}
