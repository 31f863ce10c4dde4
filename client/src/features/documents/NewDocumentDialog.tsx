import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  createDocumentRequest,
  type DocumentKind,
  documentKinds,
} from "../../../../shared/schemas/documents";
import { Button } from "../../ui/Button";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useImports } from "../imports/ImportProvider";
import {
  type DocumentDialogProps,
  DocumentFormDialog,
  DocumentMetadataFields,
  useDocumentDialogForm,
  useDocumentMetadata,
} from "./DocumentFormParts";
import { useCreateDocument } from "./document-queries";

/**
 * The "new document" dialog: title, kind, and the kind's metadata fields; opens the document when made. Or it
 * hands the kind and metadata to the import dialog, to make the document from a file.
 */
export function NewDocumentDialog({
  workspaceId,
  isOpen,
  onClose,
}: DocumentDialogProps & { workspaceId: string }) {
  const { t } = useTranslation(["documents", "common", "imports"]);
  const imports = useImports();
  const navigate = useNavigate();
  const create = useCreateDocument(workspaceId);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("note");
  const metadata = useDocumentMetadata();
  const { errors, close, check, onError, frame } = useDocumentDialogForm(create, { isOpen, onClose });
  // Who opened this dialog ("Nieuw document"), read while it first renders open (as React Aria does, before
  // focus moves in): the import dialog hands focus back there, as this dialog is gone by then.
  const opener = useRef<Element | null>(null);
  if (!isOpen) opener.current = null;
  else opener.current ??= document.activeElement;

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
      {imports.canImport && (
        <Button
          variant="quiet"
          size="small"
          className="new-document__import"
          onPress={() => {
            const returnFocusTo = opener.current;
            close();
            imports.open({ kind, metadata: metadata.metadata, returnFocusTo });
          }}
        >
          {t("imports:open")}
        </Button>
      )}
    </DocumentFormDialog>
  );
}
