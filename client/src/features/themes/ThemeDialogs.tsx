import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Theme } from "../../../../shared/schemas/themes";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";

/** Asks for a theme's new name. */
export function RenameThemeDialog({
  theme,
  onClose,
  onRename,
}: {
  theme: Theme;
  onClose: () => void;
  onRename: (name: string) => Promise<unknown>;
}) {
  const { t } = useTranslation(["lessons", "common"]);
  const [name, setName] = useState(theme.name);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await onRename(name.trim());
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal title={t("themes.renameTitle")} isOpen onOpenChange={(open) => !open && onClose()}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t("themes.name")}
          name="name"
          value={name}
          onChange={setName}
          autoFocus
          isRequired
          maxLength={120}
        />
        {error !== null && <Alert>{describeApiError(error)}</Alert>}
        <div className="form__actions">
          <Button variant="quiet" onPress={onClose}>
            {t("common:actions.cancel")}
          </Button>
          <Button variant="primary" type="submit" isPending={pending} isDisabled={!name.trim()}>
            {t("themes.save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Asks which theme to merge `theme` into. */
export function MergeThemeDialog({
  theme,
  targets,
  onClose,
  onMerge,
}: {
  theme: Theme;
  targets: Theme[];
  onClose: () => void;
  onMerge: (intoThemeId: string) => Promise<unknown>;
}) {
  const { t } = useTranslation(["lessons", "common"]);
  const [target, setTarget] = useState(targets[0]?.id ?? "");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setPending(true);
    try {
      await onMerge(target);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      title={t("themes.mergeTitle", { name: theme.name })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label={t("themes.mergeInto")}
          options={targets.map((other) => ({ id: other.id, label: other.name }))}
          value={target}
          onChange={setTarget}
          description={t("themes.mergeHint", { name: theme.name })}
        />
        {error !== null && <Alert>{describeApiError(error)}</Alert>}
        <div className="form__actions">
          <Button variant="quiet" onPress={onClose}>
            {t("common:actions.cancel")}
          </Button>
          <Button variant="primary" type="submit" isPending={pending} isDisabled={!target}>
            {t("themes.mergeConfirm")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
