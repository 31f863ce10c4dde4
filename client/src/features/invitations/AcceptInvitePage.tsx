import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { LIMITS } from "../../../../shared/limits";
import { acceptInviteRequest } from "../../../../shared/schemas/workspaces";
import { ApiError, isApiError } from "../../api/client";
import { apiFieldErrors, describeApiError, validate } from "../../forms/errors";
import { useFormFields } from "../../forms/use-form-fields";
import { useFormatDate } from "../../i18n/format";
import { PublicLayout } from "../../shell/PublicLayout";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { PageError, PageLoading } from "../../ui/PageState";
import { PasswordField } from "../../ui/PasswordField";
import { SubmitButton } from "../../ui/SubmitButton";
import { TextField } from "../../ui/TextField";
import { usePageTitle } from "../../ui/use-page-title";
import { useLogout, useMe } from "../auth/session";
import { useAcceptInvite, useInvitePreview } from "./invitation-queries";

/** Opening an invitation link: see the workspace and role, then join (new account, or one click when logged in). */
export function AcceptInvitePage() {
  const { t } = useTranslation(["invitations", "common"]);
  usePageTitle(t("title"));
  const token = useParams().token ?? "";
  const preview = useInvitePreview(token);
  const me = useMe();
  const formatDate = useFormatDate();

  if (preview.isPending || me.isPending) {
    return (
      <PublicLayout>
        <PageLoading />
      </PublicLayout>
    );
  }
  if (preview.isError) {
    const gone = isApiError(preview.error, 410);
    const missing = isApiError(preview.error, 404);
    return (
      <PublicLayout>
        {gone || missing ? (
          <>
            <h1 className="public__title">{gone ? t("gone.title") : t("notFound.title")}</h1>
            <p className="public__intro">{gone ? t("gone.body") : t("notFound.body")}</p>
            <Link to="/" className="button button--secondary">
              {t("toLogin")}
            </Link>
          </>
        ) : (
          <PageError error={preview.error} onRetry={() => preview.refetch()} />
        )}
      </PublicLayout>
    );
  }

  const { workspace, role, expiresAt } = preview.data;
  return (
    <PublicLayout>
      <p className="eyebrow">{t("invitedTo")}</p>
      <h1 className="public__title">{workspace.name}</h1>
      <p className="public__intro">
        <span className={`role-badge role-badge--${role}`}>
          {t("asRole", { role: t(`common:roles.${role}`) })}
        </span>{" "}
        <span className="muted">{t("validUntil", { date: formatDate(expiresAt) })}</span>
      </p>
      {me.data ? (
        <JoinAsMe token={token} workspace={workspace} name={me.data.name} email={me.data.email} />
      ) : (
        <JoinAsNewPerson token={token} />
      )}
    </PublicLayout>
  );
}

interface JoinAsMeProps {
  token: string;
  workspace: { id: string; name: string };
  name: string;
  email: string;
}

function JoinAsMe({ token, workspace, name, email }: JoinAsMeProps) {
  const { t } = useTranslation(["invitations", "common"]);
  const accept = useAcceptInvite(token);
  // Someone else is logged in on this browser: log out and come back to this invitation.
  const logout = useLogout(`/uitnodiging/${encodeURIComponent(token)}`);
  const navigate = useNavigate();
  return (
    <div className="form">
      <p>{t("existing.loggedInAs", { name, email })}</p>
      {isApiError(accept.error, 409) ? (
        <Alert tone="info">
          {t("existing.alreadyMember")} <Link to={`/w/${workspace.id}`}>{t("existing.openWorkspace")}</Link>
        </Alert>
      ) : (
        accept.isError && <Alert>{describeInviteError(accept.error, t("gone.body"))}</Alert>
      )}
      <Button
        variant="primary"
        className="form__submit"
        isPending={accept.isPending}
        pendingLabel={t("existing.joining")}
        onPress={() => accept.mutate({}, { onSuccess: ({ workspaceId }) => navigate(`/w/${workspaceId}`) })}
      >
        {t("existing.join")}
      </Button>
      <p className="public__footnote">
        {t("existing.notYou")}{" "}
        <Button variant="quiet" size="small" onPress={() => logout.mutate()} isPending={logout.isPending}>
          {t("existing.logout")}
        </Button>
      </p>
    </div>
  );
}

function JoinAsNewPerson({ token }: { token: string }) {
  const { t } = useTranslation(["invitations", "common"]);
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  const { values, field, setErrors } = useFormFields({ name: "", email: "", password: "" });
  const [formError, setFormError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const checked = validate(acceptInviteRequest.options[0], values);
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    accept.mutate(checked.data, {
      onSuccess: ({ workspaceId }) => navigate(`/w/${workspaceId}`, { replace: true }),
      onError: (error) => {
        // The server refuses an email with an account like any other conflict (it never says which):
        // point to the way an existing account joins, without claiming that this email has one.
        if (isApiError(error, 409))
          return setFormError(`${t("newAccount.haveAccount")} ${t("newAccount.loginFirst")}.`);
        const fields = apiFieldErrors(error);
        if (fields) return setErrors(fields);
        setFormError(describeInviteError(error, t("gone.body")));
      },
    });
  };

  const next = encodeURIComponent(`/uitnodiging/${token}`);
  return (
    <>
      <h2 className="section-title">{t("newAccount.title")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {formError && <Alert>{formError}</Alert>}
        <TextField label={t("newAccount.name")} {...field("name")} autoComplete="name" isRequired autoFocus />
        <TextField
          label={t("newAccount.email")}
          {...field("email")}
          type="email"
          autoComplete="email"
          isRequired
        />
        <PasswordField
          label={t("newAccount.password")}
          {...field("password")}
          autoComplete="new-password"
          description={t("newAccount.passwordHint", { min: LIMITS.passwordMinLength })}
        />
        <SubmitButton
          className="form__submit"
          isPending={accept.isPending}
          pendingLabel={t("newAccount.submitting")}
        >
          {t("newAccount.submit")}
        </SubmitButton>
      </form>
      <p className="public__footnote">
        {t("newAccount.haveAccount")} <Link to={`/aanmelden?next=${next}`}>{t("newAccount.loginFirst")}</Link>
      </p>
    </>
  );
}

/** A used/expired invitation gets its own explanation; anything else the generic one. */
function describeInviteError(error: unknown, goneMessage: string): string {
  return error instanceof ApiError && error.status === 410 ? goneMessage : describeApiError(error);
}
