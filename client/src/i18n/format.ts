import { useTranslation } from "react-i18next";

const intlLocale = (language: string) => (language === "en" ? "en-GB" : "nl-BE");

/** Formats ISO timestamps as dates in the interface language (nl-BE or en-GB). */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const formatter = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
}

/** Formats ISO timestamps as date and time ("6 dec. 2026 14:05") in the interface language. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const formatter = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
}
