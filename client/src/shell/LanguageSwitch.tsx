import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ToggleButton, ToggleButtonGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { meResponse } from "../../../shared/schemas/auth";
import { api } from "../api/client";
import { queryKeys } from "../api/query-keys";
import { useMe } from "../features/auth/session";
import { applyLocale, currentLocale, type Locale, locales } from "../i18n/locale";

/** Changes the interface language; for a logged-in user it is remembered in the account (PATCH /api/me). */
export function useSetLocale() {
  const queryClient = useQueryClient();
  const { data: user } = useMe();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.patch("/api/me", { locale }, meResponse),
    onSuccess: ({ user: updated }) => queryClient.setQueryData(queryKeys.me, updated),
    onError: () => {
      if (user) applyLocale(user.locale);
    },
  });
  return {
    setLocale(locale: Locale) {
      applyLocale(locale);
      if (user && user.locale !== locale) save.mutate(locale);
    },
    isPending: save.isPending,
  };
}

/** A compact NL | EN switch for the top bar and the login screen. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation(["shell", "common"]);
  const { setLocale } = useSetLocale();
  const selected = i18n.language === "en" ? "en" : currentLocale();
  return (
    <ToggleButtonGroup
      className="language-switch"
      aria-label={t("topBar.language")}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[selected]}
      onSelectionChange={(keys) => {
        const [locale] = [...keys] as Locale[];
        if (locale) setLocale(locale);
      }}
    >
      {locales.map((locale) => (
        <ToggleButton
          key={locale}
          id={locale}
          className="language-switch__option"
          aria-label={t(`common:languages.${locale}`)}
        >
          <span lang={locale}>{locale.toUpperCase()}</span>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
