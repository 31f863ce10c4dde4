import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { updateAccountRequest } from "../../../../shared/schemas/auth";
import { apiFieldErrors, describeApiError, type FieldErrors, validate } from "../../forms/errors";
import { type Locale, locales } from "../../i18n/locale";
import { useSetLocale } from "../../shell/LanguageSwitch";
import { Alert } from "../../ui/Alert";
import { SelectField } from "../../ui/SelectField";
import { SubmitRow } from "../../ui/SubmitButton";
import { TextField } from "../../ui/TextField";
import { usePageTitle } from "../../ui/use-page-title";
import { useMailStatus } from "../auth/password-reset-queries";
import { useCurrentUser } from "../auth/session";
import { useUpdateAccount } from "./account-queries";
import { MailPreferences } from "./MailPreferences";
import { PasswordForm } from "./PasswordForm";

/** My account: name, interface language, password; a note when the server sends no email. */
export function AccountPage() {
  const { t } = useTranslation(["account", "common"]);
  usePageTitle(t("title"));
  const mail = useMailStatus();
  return (
    <div className="page page--narrow">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("title")}</h1>
          {mail.data?.enabled === false && <p className="page__lead">{t("mailOff")}</p>}
        </div>
      </header>
      <ProfileForm />
      <LanguageForm />
      <MailPreferences />
      <PasswordForm />
    </div>
  );
}

function ProfileForm() {
  const { t } = useTranslation(["account", "common"]);
  const user = useCurrentUser();
  const update = useUpdateAccount();
  const [name, setName] = useState(user.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = validate(updateAccountRequest, { name });
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    update.mutate(checked.data, {
      onSuccess: () => setSaved(true),
      onError: (error) => setErrors(apiFieldErrors(error) ?? {}),
    });
  };

  return (
    <section className="section" aria-labelledby="profile-title">
      <h2 id="profile-title" className="section__title">
        {t("profile.title")}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        {update.isError && !apiFieldErrors(update.error) && <Alert>{describeApiError(update.error)}</Alert>}
        {saved && <Alert tone="success">{t("common:actions.saved")}</Alert>}
        <TextField
          label={t("profile.name")}
          name="name"
          autoComplete="name"
          value={name}
          onChange={(value) => {
            setName(value);
            setSaved(false);
          }}
          error={errors.name}
          isRequired
        />
        <TextField
          label={t("profile.email")}
          name="email"
          value={user.email}
          onChange={() => {}}
          description={t("profile.emailHint")}
          isReadOnly
        />
        <SubmitRow isPending={update.isPending} pendingLabel={t("common:actions.saving")}>
          {t("common:actions.save")}
        </SubmitRow>
      </form>
    </section>
  );
}

function LanguageForm() {
  const { t, i18n } = useTranslation(["account", "common"]);
  const { setLocale, isPending } = useSetLocale();
  const options = locales.map((locale) => ({ id: locale, label: t(`common:languages.${locale}`) }));
  return (
    <section className="section" aria-labelledby="language-title">
      <h2 id="language-title" className="section__title">
        {t("language.title")}
      </h2>
      <div className="form">
        <SelectField<Locale>
          label={t("language.label")}
          options={options}
          value={i18n.language === "en" ? "en" : "nl"}
          onChange={setLocale}
          description={t("language.hint")}
          isDisabled={isPending}
          name="locale"
        />
      </div>
    </section>
  );
}
