import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "./locale";
import { initialLocale } from "./locale";
import { catalogue } from "./catalogue";

export { catalogue } from "./catalogue";
export type Namespace = keyof typeof catalogue;

function resourcesFor(locale: Locale) {
  return Object.fromEntries(Object.entries(catalogue).map(([ns, messages]) => [ns, messages[locale]]));
}

/** Starts i18next synchronously (the catalogue is bundled), in the language chosen before. */
export function setUpI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { nl: resourcesFor("nl"), en: resourcesFor("en") },
    lng: initialLocale(),
    fallbackLng: "nl",
    supportedLngs: ["nl", "en"],
    ns: Object.keys(catalogue),
    defaultNS: "common",
    interpolation: { escapeValue: false }, // React escapes already.
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
