import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "./locale";
import { initialLocale } from "./locale";
import account from "./messages/account";
import auth from "./messages/auth";
import comments from "./messages/comments";
import common from "./messages/common";
import comparison from "./messages/comparison";
import documents from "./messages/documents";
import editor from "./messages/editor";
import handbook from "./messages/handbook";
import invitations from "./messages/invitations";
import lessons from "./messages/lessons";
import search from "./messages/search";
import shell from "./messages/shell";
import workspaces from "./messages/workspaces";

/**
 * The message catalogue: one namespace per file in ./messages, each exporting `{ nl, en }`.
 * Use `useTranslation("<namespace>")`; `common` is the default namespace.
 */
export const catalogue = {
  account,
  auth,
  comments,
  common,
  comparison,
  documents,
  editor,
  handbook,
  invitations,
  lessons,
  search,
  shell,
  workspaces,
};
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
