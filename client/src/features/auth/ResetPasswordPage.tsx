import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIMITS } from "../../../../shared/limits";
import { passwordResetConfirm, resetTokenSchema } from "../../../../shared/schemas/auth";
import { isApiError } from "../../api/client";
import { apiFieldErrors, describeApiError, type FieldErrors, validate } from "../../forms/errors";
import { useFormFields } from "../../forms/use-form-fields";
import { PublicLayout } from "../../shell/PublicLayout";
import { Alert } from "../../ui/Alert";
import { PasswordField } from "../../ui/PasswordField";
import { SubmitButton } from "../../ui/SubmitButton";
import { usePageTitle } from "../../ui/use-page-title";
import { useConfirmPasswordReset } from "./password-reset-queries";

/** The token of a reset link (`#token=…`), or undefined when the address carries none that could be one. */
function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? "";
  return resetTokenSchema.safeParse(token).success ? token : undefined;
}

type Step = "form" | "done" | "invalid";

/**
 * Opening the link from a reset mail: choose a new password. The token sits in the fragment (it never
 * reaches a server log) and is taken out of the address bar at once, so history and a shared screen keep none.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  // Read once, before the effect below clears the address bar.
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [step, setStep] = useState<Step>(token ? "form" : "invalid");
  useEffect(() => {
    if (!window.location.hash) return;
    const { pathname, search } = window.location;
    // Keeps the router's own history state; only the URL loses its fragment.
    window.history.replaceState(window.history.state, "", `${pathname}${search}`);
  }, []);

  const title = { form: t("reset.title"), done: t("reset.doneTitle"), invalid: t("reset.invalidTitle") }[
    step
  ];
  usePageTitle(title);
  return (
    <PublicLayout>
      <h1 className="public__title">{title}</h1>
      {step === "form" && token ? (
        <ResetForm token={token} onOutcome={setStep} />
      ) : step === "done" ? (
        <Outcome
          message={t("reset.done")}
          tone="success"
          link={{ to: "/aanmelden", label: t("reset.toLogin") }}
        />
      ) : (
        <Outcome
          message={t("reset.invalid")}
          tone="info"
          link={{ to: "/wachtwoord-vergeten", label: t("reset.requestNew") }}
        />
      )}
    </PublicLayout>
  );
}

const empty = { newPassword: "", confirmPassword: "" };

function ResetForm({ token, onOutcome }: { token: string; onOutcome: (step: Step) => void }) {
  const { t } = useTranslation(["auth", "common"]);
  const confirm = useConfirmPasswordReset();
  const { values, field, setErrors } = useFormFields(empty);
  const [formError, setFormError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = validate(passwordResetConfirm, { token, newPassword: values.newPassword });
    const fieldErrors: FieldErrors = checked.errors ?? {};
    if (!fieldErrors.newPassword && values.newPassword !== values.confirmPassword) {
      fieldErrors.confirmPassword = t("reset.mismatch");
    }
    setErrors(fieldErrors);
    if (!checked.data || fieldErrors.confirmPassword) return;
    confirm.mutate(checked.data, {
      onSuccess: () => onOutcome("done"),
      onError: (error) => {
        if (isApiError(error, 410)) return onOutcome("invalid");
        const fields = apiFieldErrors(error);
        // The token has no field of its own: a refused one means the link is no good.
        if (fields?.token) return onOutcome("invalid");
        if (fields) return setErrors(fields);
        setFormError(describeApiError(error));
      },
    });
  };

  return (
    <>
      <p className="public__intro">{t("reset.intro")}</p>
      <form className="form" onSubmit={submit} noValidate>
        {formError && <Alert>{formError}</Alert>}
        <PasswordField
          label={t("reset.newPassword")}
          {...field("newPassword")}
          autoComplete="new-password"
          description={t("reset.newHint", { min: LIMITS.passwordMinLength })}
          autoFocus
        />
        <PasswordField
          label={t("reset.confirmPassword")}
          {...field("confirmPassword")}
          autoComplete="new-password"
        />
        <SubmitButton
          className="form__submit"
          isPending={confirm.isPending}
          pendingLabel={t("reset.submitting")}
        >
          {t("reset.submit")}
        </SubmitButton>
      </form>
    </>
  );
}

interface OutcomeProps {
  message: string;
  tone: "success" | "info";
  link: { to: string; label: string };
}

/** The end of the flow, replacing the form: it takes the focus, so keyboard and screen reader users land on it. */
function Outcome({ message, tone, link }: OutcomeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <div ref={ref} tabIndex={-1} className={`alert alert--${tone}`} role="status">
        {message}
      </div>
      <Link to={link.to} className="button button--primary form__submit">
        {link.label}
      </Link>
    </>
  );
}
