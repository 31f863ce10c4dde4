import { useTranslation } from "react-i18next";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { useTrashDocument } from "./document-queries";

/** Asks before a document goes to the trash: everyone who has it open loses it from their screen at once. */
export function TrashDocumentDialog({
  document,
  onClose,
  onTrashed,
}: {
  document: { id: string; title: string };
  onClose: () => void;
  onTrashed: () => void;
}) {
  const { t } = useTranslation(["documents", "common"]);
  const trash = useTrashDocument();
  return (
    <Modal
      title={t("trash.confirmTitle")}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      isDismissable={!trash.isPending}
    >
      <p>{t("trash.confirmBody", { title: document.title })}</p>
      {trash.isError && <Alert>{describeApiError(trash.error)}</Alert>}
      <div className="form__actions">
        <Button slot="close" variant="quiet" isDisabled={trash.isPending} autoFocus>
          {t("common:actions.cancel")}
        </Button>
        <Button
          variant="danger"
          isPending={trash.isPending}
          onPress={() => trash.mutate({ documentId: document.id, trashed: true }, { onSuccess: onTrashed })}
        >
          {t("trash.moveToTrash")}
        </Button>
      </div>
    </Modal>
  );
}

/** Where a trashed document's page sends the person who trashed it: the notice with its undo. */
export interface TrashedState {
  trashed: { id: string; title: string };
}

/** "«title» staat in de prullenbak. Ongedaan maken" — on the workspace home, after trashing from a document. */
export function TrashedNotice({ trashed, onDone }: { trashed: { id: string; title: string }; onDone: () => void }) {
  const { t } = useTranslation("documents");
  const restore = useTrashDocument();
  return (
    <div className="trashed-notice" role="status">
      {restore.isSuccess ? (
        <span>{t("trash.restored", { title: trashed.title })}</span>
      ) : (
        <>
          <span>{t("trash.trashedNamed", { title: trashed.title })}</span>{" "}
          <Button
            size="small"
            isPending={restore.isPending}
            onPress={() => restore.mutate({ documentId: trashed.id, trashed: false }, { onSuccess: onDone })}
          >
            {t("trash.undo")}
          </Button>
        </>
      )}
      {restore.isError && <Alert>{describeApiError(restore.error)}</Alert>}
    </div>
  );
}
