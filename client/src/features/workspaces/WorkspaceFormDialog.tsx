import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { createWorkspaceRequest } from "../../../../shared/schemas/workspaces";
import { LIMITS } from "../../../../shared/limits";
import { apiFieldErrors, describeApiError, validate } from "../../forms/errors";
import { useFormFields } from "../../forms/use-form-fields";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { TextField } from "../../ui/TextField";

export type WorkspaceFields = {
  name: string;
  description: string;
  period: string;
};

interface Props {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  initial?: WorkspaceFields;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Saves the fields; rejects with the API error to show. */
  onSubmit: (fields: WorkspaceFields) => Promise<unknown>;
}

/** The dialog that creates or edits a workspace's name, description and period. */
export function WorkspaceFormDialog({
  title,
  submitLabel,
  pendingLabel,
  initial,
  isOpen,
  onOpenChange,
  onSubmit,
}: Props) {
  const { t } = useTranslation(["workspaces", "common"]);
  const { values, set, errors, setErrors } = useFormFields<WorkspaceFields>(
    initial ?? { name: "", description: "", period: "" },
  );
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = validate(createWorkspaceRequest, values);
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    setPending(true);
    try {
      await onSubmit({
        name: checked.data.name,
        description: values.description.trim(),
        period: values.period.trim(),
      });
      onOpenChange(false);
    } catch (error) {
      const fields = apiFieldErrors(error);
      if (fields) setErrors(fields);
      else setFormError(describeApiError(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal title={title} isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!pending}>
      <form className="form" onSubmit={submit} noValidate>
        {formError && <Alert>{formError}</Alert>}
        <TextField
          label={t("form.name")}
          name="name"
          value={values.name}
          onChange={set("name")}
          error={errors.name}
          maxLength={LIMITS.workspaceNameMaxLength}
          isRequired
          autoFocus
        />
        <TextField
          label={t("form.description")}
          name="description"
          value={values.description}
          onChange={set("description")}
          error={errors.description}
          description={t("form.descriptionHint")}
          maxLength={LIMITS.descriptionMaxLength}
          multiline
        />
        <TextField
          label={t("form.period")}
          name="period"
          value={values.period}
          onChange={set("period")}
          error={errors.period}
          description={t("form.periodHint")}
          maxLength={100}
        />
        <div className="form__actions">
          <Button slot="close" variant="quiet" isDisabled={pending}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" variant="primary" isPending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
