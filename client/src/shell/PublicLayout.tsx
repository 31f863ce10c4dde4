import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./LanguageSwitch";

/** The calm frame of the screens before login: the brand, a card, and the language switch. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public">
      <header className="public__header">
        <span className="public__brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("appName")}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="public__main">
        <div className="public__card">{children}</div>
        <p className="public__tagline">{t("tagline")}</p>
      </main>
    </div>
  );
}
