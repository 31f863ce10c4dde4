import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createComparisonRequest } from "../../../../shared/schemas/comparisons";
import { describeApiError, validate } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/TextField";
import { useSaveComparison } from "./comparison-queries";

/** Saves the picked cases under a name and opens the saved comparison (its shareable link). */
export function SaveComparisonForm({ workspaceId, caseIds }: { workspaceId: string; caseIds: string[] }) {
  const { t } = useTranslation("comparison");
  const navigate = useNavigate();
  const save = useSaveComparison(workspaceId);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createComparisonRequest, { name, caseIds });
    if (checked.errors) {
      setError(checked.errors.name ?? checked.errors.caseIds);
      return;
    }
    save.mutate(checked.data, {
      onSuccess: (saved) => void navigate(`/w/${workspaceId}/vergelijking/${saved.id}`),
    });
  };
  return (
    <form className="save-comparison" onSubmit={submit} noValidate>
      <TextField
        label={t("saved.name")}
        name="name"
        value={name}
        onChange={(v) => {
          setName(v);
          setError(undefined);
        }}
        error={error}
        maxLength={200}
      />
      <Button type="submit" variant="primary" isPending={save.isPending} pendingLabel={t("saved.saving")}>
        {t("saved.save")}
      </Button>
      {save.isError && <Alert>{describeApiError(save.error)}</Alert>}
    </form>
  );
}
