import { useTranslation } from "react-i18next";
import type { RestoreVersionResponse } from "../../../../shared/schemas/versions";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { type RestoreInput, useRestoreVersion } from "./history-queries";

/** Asks before a version (or one block of it) is brought back: it is a live edit everyone sees. */
export function RestoreDialog({
  documentId,
  request,
  versionDate,
  onClose,
  onRestored,
}: {
  documentId: string;
  request: RestoreInput;
  versionDate: string;
  onClose: () => void;
  onRestored: (result: RestoreVersionResponse) => void;
}) {
  const { t } = useTranslation(["history", "common"]);
  const restore = useRestoreVersion(documentId);
  const block = request.blockIndex !== undefined;
  return (
    <Modal
      title={block ? t("restore.confirmBlockTitle") : t("restore.confirmTitle")}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      isDismissable={!restore.isPending}
    >
      <p>{t(block ? "restore.confirmBlockBody" : "restore.confirmBody", { date: versionDate })}</p>
      {restore.isError && <Alert>{describeApiError(restore.error)}</Alert>}
      <div className="form__actions">
        <Button slot="close" variant="quiet" isDisabled={restore.isPending} autoFocus>
          {t("common:actions.cancel")}
        </Button>
        <Button
          variant="primary"
          isPending={restore.isPending}
          pendingLabel={t("restore.restoring")}
          onPress={() => restore.mutate(request, { onSuccess: onRestored })}
        >
          {t("restore.confirm")}
        </Button>
      </div>
    </Modal>
  );
}

/** "Teruggezet. [Ongedaan maken]": the restore's undo is restoring the version kept just before it. */
export function RestoredNotice({
  documentId,
  result,
}: {
  documentId: string;
  result: RestoreVersionResponse;
}) {
  const { t } = useTranslation("history");
  const undo = useRestoreVersion(documentId);
  if (!result.changed) return <Alert tone="info">{t("restore.unchanged")}</Alert>;
  return (
    <div className="restored-notice" role="status">
      {undo.isSuccess ? (
        <span>{t("restore.undone")}</span>
      ) : (
        <>
          <span>{t("restore.done")}</span>{" "}
          <Button
            size="small"
            isPending={undo.isPending}
            onPress={() => undo.mutate({ versionId: result.undoVersionId })}
          >
            {t("restore.undo")}
          </Button>
        </>
      )}
      {undo.isError && <Alert>{describeApiError(undo.error)}</Alert>}
    </div>
  );
}
