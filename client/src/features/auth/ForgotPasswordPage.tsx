import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { passwordResetRequest } from "../../../../shared/schemas/auth";
import { isApiError } from "../../api/client";
import { apiFieldErrors, describeApiError, validate } from "../../forms/errors";
import { useFormFields } from "../../forms/use-form-fields";
import { PublicLayout } from "../../shell/PublicLayout";
import { Alert } from "../../ui/Alert";
import { PageLoading } from "../../ui/PageState";
import { SubmitButton } from "../../ui/SubmitButton";
import { TextField } from "../../ui/TextField";
import { usePageTitle } from "../../ui/use-page-title";
import { useMailStatus, useRequestPasswordReset } from "./password-reset-queries";

/** What the login page hands over when its "forgot your password?" link is followed. */
export interface ForgotPasswordState {
  email?: string;
}

/**
 * Asking for a reset link by email. The answer never says whether the address has an account; on a
 * server that sends no email the page says how an administrator makes a link instead.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation(["auth", "common"]);
  usePageTitle(t("forgot.title"));
  const mail = useMailStatus();
  const [sent, setSent] = useState(false);

  // Without an answer about email the form is still offered: the request is answered the same either way.
  const body = mail.isPending ? (
    <PageLoading />
  ) : mail.data?.enabled === false ? (
    <MailOff />
  ) : sent ? (
    <Sent />
  ) : (
    <RequestForm onSent={() => setSent(true)} />
  );
  return (
    <PublicLayout>
      <h1 className="public__title">{t("forgot.title")}</h1>
      {body}
      <p className="public__footnote">
        <Link to="/aanmelden">{t("forgot.backToLogin")}</Link>
      </p>
    </PublicLayout>
  );
}

function RequestForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation(["auth", "common"]);
  const location = useLocation();
  const handedOver = (location.state as ForgotPasswordState | null)?.email ?? "";
  const request = useRequestPasswordReset();
  const { values, field, setErrors } = useFormFields({ email: handedOver });
  const [formError, setFormError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = validate(passwordResetRequest, values);
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    request.mutate(checked.data, {
      onSuccess: onSent,
      onError: (error) => {
        if (isApiError(error, 429)) return setFormError(retryLater(error.retryAfterSeconds ?? 60));
        const fields = apiFieldErrors(error);
        if (fields) return setErrors(fields);
        setFormError(describeApiError(error));
      },
    });
  };

  /** The throttle counts per quarter of an hour, so the wait is said in minutes once it is longer than one. */
  const retryLater = (seconds: number) =>
    seconds <= 60
      ? t("forgot.rateLimitedSeconds", { count: seconds })
      : t("forgot.rateLimitedMinutes", { count: Math.ceil(seconds / 60) });

  return (
    <>
      <p className="public__intro">{t("forgot.intro")}</p>
      <form className="form" onSubmit={submit} noValidate>
        {formError && <Alert>{formError}</Alert>}
        <TextField
          label={t("forgot.email")}
          {...field("email")}
          type="email"
          autoComplete="username"
          isRequired
          autoFocus
        />
        <SubmitButton
          className="form__submit"
          isPending={request.isPending}
          pendingLabel={t("forgot.submitting")}
        >
          {t("forgot.submit")}
        </SubmitButton>
      </form>
    </>
  );
}

/** The confirmation replaces the form; it takes the focus so that keyboard and screen reader users land on it. */
function Sent() {
  const { t } = useTranslation("auth");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--success" role="status">
      {t("forgot.sent")}
    </div>
  );
}

function MailOff() {
  const { t } = useTranslation("auth");
  return (
    <Alert tone="info">
      <p>{t("forgot.mailOff")}</p>
      <p>
        {/* The command may wrap before the placeholder, never inside it. */}
        <code>
          {"npm run reset-password -- "}
          <span style={{ whiteSpace: "nowrap" }}>{t("forgot.addressPlaceholder")}</span>
        </code>
      </p>
    </Alert>
  );
}
