import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createVersionRequest,
  VERSION_LIMITS,
  type VersionSummary,
} from "../../../../shared/schemas/versions";
import { describeApiError, validate } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { TextField } from "../../ui/TextField";
import { useNameVersion } from "./history-queries";

/** "Versie opslaan": keeps the text as it is now under a name (e.g. "Na bijeenkomst 3"). */
export function NameVersionDialog({
  documentId,
  onClose,
  onSaved,
}: {
  documentId: string;
  onClose: () => void;
  onSaved: (version: VersionSummary) => void;
}) {
  const { t } = useTranslation(["history", "common"]);
  const save = useNameVersion(documentId);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createVersionRequest, { name });
    if (checked.errors) {
      setError(checked.errors.name);
      return;
    }
    save.mutate(checked.data.name, { onSuccess: onSaved });
  };
  return (
    <Modal
      title={t("name.title")}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      isDismissable={!save.isPending}
    >
      <form className="form" onSubmit={submit} noValidate>
        <p>{t("name.body")}</p>
        <TextField
          label={t("name.label")}
          name="name"
          value={name}
          onChange={(value) => {
            setName(value);
            setError(undefined);
          }}
          error={error}
          maxLength={VERSION_LIMITS.nameMaxLength}
          autoFocus
        />
        {save.isError && <Alert>{describeApiError(save.error)}</Alert>}
        <div className="form__actions">
          <Button slot="close" variant="quiet" isDisabled={save.isPending}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" variant="primary" isPending={save.isPending} pendingLabel={t("name.saving")}>
            {t("name.save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
