import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../shared/limits";
import { changePasswordRequest } from "../../../../shared/schemas/auth";
import { ApiError } from "../../api/client";
import { apiFieldErrors, describeApiError, type FieldErrors, validate } from "../../forms/errors";
import { useFormFields } from "../../forms/use-form-fields";
import { Alert } from "../../ui/Alert";
import { PasswordField } from "../../ui/PasswordField";
import { SubmitRow } from "../../ui/SubmitButton";
import { useCurrentUser } from "../auth/session";
import { useChangePassword } from "./account-queries";

const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };

/** Changing the password: the current one, the new one twice. Other sessions end on the server. */
export function PasswordForm() {
  const { t } = useTranslation(["account", "common"]);
  const user = useCurrentUser();
  const change = useChangePassword();
  const { values, setValues, field, setErrors } = useFormFields(empty);
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setFormError(undefined);
    const checked = validate(changePasswordRequest, values);
    const fieldErrors: FieldErrors = checked.errors ?? {};
    if (!fieldErrors.newPassword && values.newPassword !== values.confirmPassword) {
      fieldErrors.confirmPassword = t("password.mismatch");
    }
    setErrors(fieldErrors);
    if (!checked.data || fieldErrors.confirmPassword) return;
    change.mutate(checked.data, {
      onSuccess: () => {
        setValues(empty);
        setDone(true);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === "invalid_credentials") {
          return setErrors({ currentPassword: t("password.wrongCurrent") });
        }
        const fields = apiFieldErrors(error);
        if (fields) setErrors(fields);
        else setFormError(describeApiError(error));
      },
    });
  };

  return (
    <section className="section" aria-labelledby="password-title">
      <h2 id="password-title" className="section__title">
        {t("password.title")}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        {formError && <Alert>{formError}</Alert>}
        {done && <Alert tone="success">{t("password.changed")}</Alert>}
        <PasswordField
          label={t("password.current")}
          {...field("currentPassword")}
          autoComplete="current-password"
        />
        <PasswordField
          label={t("password.new")}
          {...field("newPassword")}
          autoComplete="new-password"
          description={t("password.newHint", { min: LIMITS.passwordMinLength })}
        />
        <PasswordField
          label={t("password.confirm")}
          {...field("confirmPassword")}
          autoComplete="new-password"
        />
        <SubmitRow isPending={change.isPending} pendingLabel={t("password.submitting")}>
          {t("password.submit")}
        </SubmitRow>
      </form>
    </section>
  );
}
