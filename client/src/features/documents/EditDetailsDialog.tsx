import { type FormEvent, useState } from "react";
import { Checkbox } from "react-aria-components";
import { useTranslation } from "react-i18next";
import {
  type CaseOutcome,
  caseOutcomes,
  type DocumentSummary,
  updateDocumentRequest,
} from "../../../../shared/schemas/documents";
import { isApiError } from "../../api/client";
import { describeApiError, type FieldErrors, validate } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
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
  const [municipality, setMunicipality] = useState(document.municipality ?? "");
  const [isCentreCity, setIsCentreCity] = useState(document.isCentreCity ?? false);
  const [outcome, setOutcome] = useState<CaseOutcome>(document.outcome ?? "ongoing");
  const [meetingDate, setMeetingDate] = useState(document.meetingDate ?? "");
  const [meetingPlace, setMeetingPlace] = useState(document.meetingPlace ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});

  const close = () => {
    update.reset();
    setErrors({});
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values =
      document.kind === "case"
        ? { municipality, isCentreCity, outcome }
        : { meetingDate: meetingDate || undefined, meetingPlace };
    const checked = validate(updateDocumentRequest, values);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    update.mutate(checked.data, {
      onSuccess: close,
      onError: (error) => {
        if (isApiError(error, 400) && error.field) setErrors({ [error.field]: error.message });
      },
    });
  };
  const outcomeOptions = caseOutcomes.map((o) => ({ id: o, label: t(`outcomes.${o}`) }));

  return (
    <Modal title={t("page.editDetails")} isOpen={isOpen} onOpenChange={(open) => !open && close()}>
      <form className="form" onSubmit={submit} noValidate>
        {update.isError && !(isApiError(update.error, 400) && update.error.field) && (
          <Alert>{describeApiError(update.error)}</Alert>
        )}
        {document.kind === "case" && (
          <>
            <TextField
              label={t("create.municipalityLabel")}
              name="municipality"
              value={municipality}
              onChange={setMunicipality}
              error={errors.municipality}
              isRequired
              autoFocus
            />
            <Checkbox
              className="checkbox"
              isSelected={isCentreCity}
              onChange={setIsCentreCity}
              name="isCentreCity"
            >
              <span className="checkbox__box" aria-hidden="true" />
              {t("create.centreCityLabel")}
            </Checkbox>
            <SelectField
              label={t("create.outcomeLabel")}
              name="outcome"
              options={outcomeOptions}
              value={outcome}
              onChange={setOutcome}
              error={errors.outcome}
            />
          </>
        )}
        {document.kind === "meeting" && (
          <>
            <div className="field">
              <label className="field__label" htmlFor={`meeting-date-${document.id}`}>
                {t("create.meetingDateLabel")}
              </label>
              <input
                id={`meeting-date-${document.id}`}
                className="field__input"
                type="date"
                name="meetingDate"
                value={meetingDate}
                onChange={(e) => setMeetingDate(e.target.value)}
                aria-invalid={Boolean(errors.meetingDate) || undefined}
                required
              />
              {errors.meetingDate && <p className="field__error">{errors.meetingDate}</p>}
            </div>
            <TextField
              label={t("create.meetingPlaceLabel")}
              name="meetingPlace"
              value={meetingPlace}
              onChange={setMeetingPlace}
              error={errors.meetingPlace}
            />
          </>
        )}
        <div className="form__actions">
          <Button variant="quiet" onPress={close}>
            {t("common:actions.cancel")}
          </Button>
          <Button
            variant="primary"
            type="submit"
            isPending={update.isPending}
            pendingLabel={t("common:actions.saving")}
          >
            {t("common:actions.save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
