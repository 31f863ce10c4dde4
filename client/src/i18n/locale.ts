import i18next from "i18next";

export type Locale = "nl" | "en";
export const locales: readonly Locale[] = ["nl", "en"];

const STORAGE_KEY = "themawerk.locale";

const isLocale = (value: unknown): value is Locale => value === "nl" || value === "en";

/** The language before login: the one chosen on this browser, else Dutch. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked; Dutch is the default.
  }
  return "nl";
}

/** Switches the interface language and remembers it on this browser (the server remembers it per user). */
export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered on this browser; the account still remembers it after login.
  }
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
}

/** The language the interface shows now. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : "nl";
}
