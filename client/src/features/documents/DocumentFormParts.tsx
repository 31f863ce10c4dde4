import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { type CaseOutcome, caseOutcomes, type DocumentKind } from "../../../../shared/schemas/documents";
import { isApiError } from "../../api/client";
import { describeApiError, type FieldErrors, validate } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { CheckboxField } from "../../ui/CheckboxField";
import { Modal } from "../../ui/Modal";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";

/** The metadata a case (municipality, centre city, outcome) or a meeting (date, place) carries. */
export interface DocumentMetadata {
  municipality: string;
  isCentreCity: boolean;
  outcome: CaseOutcome;
  meetingDate: string;
  meetingPlace: string;
}

/** The editable metadata of a document form, and the request fields it contributes for a kind. */
export function useDocumentMetadata(
  initial: { [F in keyof DocumentMetadata]?: DocumentMetadata[F] | null } = {},
) {
  const [metadata, setMetadata] = useState<DocumentMetadata>({
    municipality: initial.municipality ?? "",
    isCentreCity: initial.isCentreCity ?? false,
    outcome: initial.outcome ?? "ongoing",
    meetingDate: initial.meetingDate ?? "",
    meetingPlace: initial.meetingPlace ?? "",
  });
  const set =
    <F extends keyof DocumentMetadata>(field: F) =>
    (value: DocumentMetadata[F]) =>
      setMetadata((current) => ({ ...current, [field]: value }));
  const { municipality, isCentreCity, outcome, meetingDate, meetingPlace } = metadata;
  // An empty date input means "no date": leave it out so the schema reports it as missing.
  const requestFields = (kind: DocumentKind) =>
    kind === "case"
      ? { municipality, isCentreCity, outcome }
      : kind === "meeting"
        ? { meetingDate: meetingDate || undefined, meetingPlace }
        : {};
  return { metadata, set, requestFields };
}

/** The metadata fields of a case or a meeting (nothing for the other kinds), with their errors. */
export function DocumentMetadataFields({
  kind,
  form,
  errors,
  dateId,
  autoFocus,
}: {
  kind: DocumentKind;
  form: ReturnType<typeof useDocumentMetadata>;
  errors: FieldErrors;
  /** The date input's id, unique on the page (its label points at it). */
  dateId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation("documents");
  const { metadata, set } = form;
  if (kind === "case") {
    const outcomeOptions = caseOutcomes.map((o) => ({ id: o, label: t(`outcomes.${o}`) }));
    return (
      <>
        <TextField
          label={t("create.municipalityLabel")}
          name="municipality"
          value={metadata.municipality}
          onChange={set("municipality")}
          error={errors.municipality}
          isRequired
          autoFocus={autoFocus}
        />
        <CheckboxField isSelected={metadata.isCentreCity} onChange={set("isCentreCity")} name="isCentreCity">
          {t("create.centreCityLabel")}
        </CheckboxField>
        <SelectField
          label={t("create.outcomeLabel")}
          name="outcome"
          options={outcomeOptions}
          value={metadata.outcome}
          onChange={set("outcome")}
          error={errors.outcome}
        />
      </>
    );
  }
  if (kind === "meeting") {
    return (
      <>
        <div className="field">
          <label className="field__label" htmlFor={dateId}>
            {t("create.meetingDateLabel")}
          </label>
          <input
            id={dateId}
            className="field__input"
            type="date"
            name="meetingDate"
            value={metadata.meetingDate}
            onChange={(e) => set("meetingDate")(e.target.value)}
            aria-invalid={Boolean(errors.meetingDate) || undefined}
            aria-describedby={errors.meetingDate ? `${dateId}-error` : undefined}
            required
          />
          {errors.meetingDate && (
            <p id={`${dateId}-error`} className="field__error">
              {errors.meetingDate}
            </p>
          )}
        </div>
        <TextField
          label={t("create.meetingPlaceLabel")}
          name="meetingPlace"
          value={metadata.meetingPlace}
          onChange={set("meetingPlace")}
          error={errors.meetingPlace}
        />
      </>
    );
  }
  return null;
}

/** The field error the server named in a 400 answer, to show next to that field. */
export function serverFieldErrors(error: unknown): FieldErrors | undefined {
  return isApiError(error, 400) && error.field ? { [error.field]: error.message } : undefined;
}

/** A failed save that no single field explains, shown above the form. */
function SaveErrorAlert({ isError, error }: { isError: boolean; error: unknown }) {
  if (!isError || serverFieldErrors(error)) return null;
  return <Alert>{describeApiError(error)}</Alert>;
}

/** Cancel and submit buttons at the foot of a document dialog. */
function DialogFormActions({
  onCancel,
  isPending,
  submitLabel,
  pendingLabel,
}: {
  onCancel: () => void;
  isPending: boolean;
  submitLabel: string;
  pendingLabel: string;
}) {
  const { t } = useTranslation("common");
  return (
    <div className="form__actions">
      <Button variant="quiet" onPress={onCancel}>
        {t("actions.cancel")}
      </Button>
      <Button variant="primary" type="submit" isPending={isPending} pendingLabel={pendingLabel}>
        {submitLabel}
      </Button>
    </div>
  );
}

/**
 * The field errors and closing of a document dialog around one mutation: `check` validates the values
 * (errors beside their fields), `onError` shows the field the server named, `close` forgets both.
 */
export function useDocumentDialogForm<M extends DialogMutation & { reset: () => void }>(
  mutation: M,
  { isOpen, onClose }: DocumentDialogProps,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const close = () => {
    mutation.reset();
    setErrors({});
    onClose();
  };
  const check = <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> | undefined => {
    const checked = validate(schema, values);
    setErrors(checked.errors ?? {});
    return checked.errors ? undefined : checked.data;
  };
  const onError = (error: unknown) => {
    const fieldErrors = serverFieldErrors(error);
    if (fieldErrors) setErrors(fieldErrors);
  };
  // What the dialog frame needs, to spread onto DocumentFormDialog.
  const frame = { isOpen, close, mutation };
  return { errors, close, check, onError, frame };
}

/** The state of the save a document dialog makes. */
interface DialogMutation {
  isError: boolean;
  error: unknown;
  isPending: boolean;
}

/** Whether a document dialog is open, and what closing it does. */
export interface DocumentDialogProps {
  isOpen: boolean;
  onClose: () => void;
}

/** A document dialog's frame: the form in a modal, a save error above the fields, cancel and submit below. */
export function DocumentFormDialog({
  title,
  isOpen,
  close,
  onSubmit,
  mutation,
  submitLabel,
  pendingLabel,
  children,
}: {
  title: string;
  isOpen: boolean;
  /** What cancel, Escape and a click outside do (`close` of useDocumentDialogForm). */
  close: () => void;
  onSubmit: (event: FormEvent) => void;
  mutation: DialogMutation;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <Modal title={title} isOpen={isOpen} onOpenChange={(open) => !open && close()}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SaveErrorAlert isError={mutation.isError} error={mutation.error} />
        {children}
        <DialogFormActions
          onCancel={close}
          isPending={mutation.isPending}
          submitLabel={submitLabel}
          pendingLabel={pendingLabel}
        />
      </form>
    </Modal>
  );
}
