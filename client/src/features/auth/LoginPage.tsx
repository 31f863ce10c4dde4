import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { loginRequest } from "../../../../shared/schemas/auth";
import { ApiError } from "../../api/client";
import { apiFieldErrors, describeApiError, validate } from "../../forms/errors";
import { useFormFields } from "../../forms/use-form-fields";
import { PublicLayout } from "../../shell/PublicLayout";
import { Alert } from "../../ui/Alert";
import { PasswordField } from "../../ui/PasswordField";
import { SubmitButton } from "../../ui/SubmitButton";
import { TextField } from "../../ui/TextField";
import { usePageTitle } from "../../ui/use-page-title";
import type { ForgotPasswordState } from "./ForgotPasswordPage";
import { safeNext } from "./safe-next";
import { useLogin, useMe } from "./session";

/** The login screen: email and password; errors beside their field, a generic one for wrong credentials. */
export function LoginPage() {
  const { t } = useTranslation(["auth", "common"]);
  usePageTitle(t("login.title"));
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  const login = useLogin();
  const { values, setValues, field, setErrors: setFieldErrors } = useFormFields({ email: "", password: "" });
  const [formError, setFormError] = useState<string>();
  const retryIn = useCountdown(login.error instanceof ApiError ? login.error.retryAfterSeconds : undefined);

  // Straight after login, "/" goes on into the workspace when there is only one (MyWorkspacesPage).
  if (me.data) return <Navigate to={next} replace state={next === "/" ? { afterLogin: true } : undefined} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = validate(loginRequest, values);
    setFieldErrors(checked.errors ?? {});
    if (!checked.data) return;
    login.mutate(checked.data, {
      onError: (error) => {
        const fields = apiFieldErrors(error);
        if (fields) return setFieldErrors(fields);
        if (error instanceof ApiError && error.code === "invalid_credentials") {
          setFormError(t("login.invalidCredentials"));
          setValues((v) => ({ ...v, password: "" }));
        } else if (!(error instanceof ApiError && error.status === 429)) {
          setFormError(describeApiError(error));
        }
      },
    });
  };

  const throttled = login.error instanceof ApiError && login.error.status === 429 && retryIn > 0;
  return (
    <PublicLayout>
      <h1 className="public__title">{t("login.title")}</h1>
      <p className="public__intro">{t("login.intro")}</p>
      <form className="form" onSubmit={submit} noValidate>
        {formError && <Alert>{formError}</Alert>}
        {throttled && <Alert>{t("common:errors.rateLimited", { count: retryIn })}</Alert>}
        <TextField
          label={t("login.email")}
          {...field("email")}
          type="email"
          autoComplete="username"
          isRequired
          autoFocus
        />
        <PasswordField label={t("login.password")} {...field("password")} autoComplete="current-password" />
        <p className="field__description">
          {/* The address typed so far goes along, so it need not be typed twice. */}
          <Link to="/wachtwoord-vergeten" state={{ email: values.email } satisfies ForgotPasswordState}>
            {t("login.forgotPassword")}
          </Link>
        </p>
        <SubmitButton
          className="form__submit"
          isPending={login.isPending}
          isDisabled={throttled}
          pendingLabel={t("login.submitting")}
        >
          {t("login.submit")}
        </SubmitButton>
      </form>
      <p className="public__footnote">{t("login.noAccount")}</p>
    </PublicLayout>
  );
}

/** Seconds left from a starting value, ticking down once a second. */
function useCountdown(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}
