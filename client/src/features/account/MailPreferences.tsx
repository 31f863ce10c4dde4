import { useState } from "react";
import { Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type DigestFrequency, digestFrequencies } from "../../../../shared/schemas/mail";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { CheckboxField } from "../../ui/CheckboxField";
import { useMailPreferences, useUpdateMailPreferences } from "./mail-preferences-queries";

/**
 * The account page's "E-mail" section: comment mail on or off and how often the digest comes, saved
 * at once. Disabled when the server sends no mail (the page's lead line says so).
 */
export function MailPreferences() {
  const { t } = useTranslation(["account", "common"]);
  const preferences = useMailPreferences();
  const update = useUpdateMailPreferences();
  const [saved, setSaved] = useState(false);
  const current = preferences.data;
  // Not disabled while saving: that would take the focus away from the control just used.
  const disabled = !current?.enabled;
  const save = (change: Parameters<typeof update.mutate>[0]) => {
    setSaved(false);
    update.mutate(change, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className="section" aria-labelledby="mail-title">
      <h2 id="mail-title" className="section__title">
        {t("mail.title")}
      </h2>
      <div className="form">
        {preferences.isError && <Alert>{describeApiError(preferences.error)}</Alert>}
        {update.isError && <Alert>{describeApiError(update.error)}</Alert>}
        {saved && <Alert tone="success">{t("mail.saved")}</Alert>}
        <CheckboxField
          isSelected={current?.commentMail ?? false}
          isDisabled={disabled}
          onChange={(commentMail) => save({ commentMail })}
        >
          {t("mail.commentMail")}
        </CheckboxField>
        <RadioGroup
          className="field radio-group"
          value={current?.digest ?? null}
          isDisabled={disabled}
          onChange={(value) => save({ digest: value as DigestFrequency })}
        >
          <Label className="field__label">{t("mail.digest")}</Label>
          <div className="radio-group__options">
            {digestFrequencies.map((frequency) => (
              <Radio key={frequency} value={frequency} className="checkbox">
                <span className="checkbox__box radio__dot" aria-hidden="true" />
                {t(`mail.frequency.${frequency}`)}
              </Radio>
            ))}
          </div>
          <Text slot="description" className="field__description">
            {t("mail.digestHint")}
          </Text>
        </RadioGroup>
      </div>
    </section>
  );
}
