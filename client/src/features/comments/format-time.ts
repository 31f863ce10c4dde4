import { useTranslation } from "react-i18next";

/** Formats ISO timestamps as a short date and time in the interface language (nl-BE or en-GB). */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const formatter = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "nl-BE", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
}
