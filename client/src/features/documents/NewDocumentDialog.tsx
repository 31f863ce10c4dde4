import { type FormEvent, useState } from "react";
import { Checkbox } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  type CaseOutcome,
  caseOutcomes,
  createDocumentRequest,
  type DocumentKind,
  documentKinds,
} from "../../../../shared/schemas/documents";
import { isApiError } from "../../api/client";
import { describeApiError, type FieldErrors, validate } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useCreateDocument } from "./document-queries";

/** The "new document" dialog: title, kind, and the kind's metadata fields; opens the document when made. */
export function NewDocumentDialog({
  workspaceId,
  isOpen,
  onClose,
}: {
  workspaceId: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(["documents", "common"]);
  const navigate = useNavigate();
  const create = useCreateDocument(workspaceId);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("note");
  const [municipality, setMunicipality] = useState("");
  const [isCentreCity, setIsCentreCity] = useState(false);
  const [outcome, setOutcome] = useState<CaseOutcome>("ongoing");
  const [meetingDate, setMeetingDate] = useState("");
  const [meetingPlace, setMeetingPlace] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const close = () => {
    create.reset();
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = {
      title,
      kind,
      ...(kind === "case" ? { municipality, isCentreCity, outcome } : {}),
      ...(kind === "meeting" ? { meetingDate: meetingDate || undefined, meetingPlace } : {}),
    };
    const checked = validate(createDocumentRequest, values);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (document) => {
        setTitle("");
        close();
        void navigate(`/w/${workspaceId}/d/${document.id}`);
      },
      onError: (error) => {
        if (isApiError(error, 400) && error.field) setErrors({ [error.field]: error.message });
      },
    });
  };

  const kindOptions = documentKinds.map((k) => ({ id: k, label: t(`kind.${k}`) }));
  const outcomeOptions = caseOutcomes.map((o) => ({ id: o, label: t(`outcomes.${o}`) }));
  return (
    <Modal title={t("create.title")} isOpen={isOpen} onOpenChange={(open) => !open && close()}>
      <form className="form" onSubmit={submit} noValidate>
        {create.isError && !(isApiError(create.error, 400) && create.error.field) && (
          <Alert>{describeApiError(create.error)}</Alert>
        )}
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
        {kind === "case" && (
          <>
            <TextField
              label={t("create.municipalityLabel")}
              name="municipality"
              value={municipality}
              onChange={setMunicipality}
              error={errors.municipality}
              isRequired
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
        {kind === "meeting" && (
          <>
            <div className="field">
              <label className="field__label" htmlFor="new-document-date">
                {t("create.meetingDateLabel")}
              </label>
              <input
                id="new-document-date"
                className="field__input"
                type="date"
                name="meetingDate"
                value={meetingDate}
                onChange={(e) => setMeetingDate(e.target.value)}
                aria-invalid={Boolean(errors.meetingDate) || undefined}
                aria-describedby={errors.meetingDate ? "new-document-date-error" : undefined}
                required
              />
              {errors.meetingDate && (
                <p id="new-document-date-error" className="field__error">
                  {errors.meetingDate}
                </p>
              )}
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
            isPending={create.isPending}
            pendingLabel={t("create.submitting")}
          >
            {t("create.submit")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
