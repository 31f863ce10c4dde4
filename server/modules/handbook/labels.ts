import type { Context } from "hono";
import type { LessonKind } from "../../../shared/lessons";
import type { Handbook } from "../../../shared/schemas/handbook";

/** The languages an export is written in: the interface's (client/src/i18n/messages), Dutch by default. */
export type ExportLocale = "nl" | "en";

/**
 * The words of an export, in the reader's language, the same as the screen uses (client/src/i18n/messages:
 * lessons, handbook, comparison). An export is a document for the working group, not a data dump.
 */
export interface ExportWords {
  htmlLang: string;
  kind: Record<LessonKind, string>;
  kindHeading: Record<LessonKind, string>;
  outcome: Record<string, string>;
  contents: string;
  recommendations: string;
  evidence: string;
  crucial: string;
  noLessons: string;
  cases: string;
  theme: string;
  yes: string;
  no: string;
  backedBy(cases: number, lessons: number): string;
  /** A date as the screen shows it: "2 december 2026", "2 December 2026". */
  date(iso: string): string;
}

const longDate = (locale: string) => (iso: string) =>
  new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Brussels",
  }).format(new Date(iso));

const nl: ExportWords = {
  htmlLang: "nl-BE",
  kind: {
    do: "Doe",
    dont: "Niet doen",
    pitfall: "Valkuil",
    bottleneck: "Knelpunt",
    success_factor: "Succesfactor",
  },
  kindHeading: {
    do: "Doe",
    dont: "Niet doen",
    pitfall: "Valkuilen",
    bottleneck: "Knelpunten",
    success_factor: "Succesfactoren",
  },
  outcome: { succeeded: "geslaagd", struggled: "moeizaam", ongoing: "lopend" },
  contents: "Inhoud",
  recommendations: "Aanbevelingen",
  evidence: "Onderbouwing",
  crucial: "Mogelijk cruciaal element",
  noLessons: "geen lessen",
  cases: "Casussen",
  theme: "Thema",
  yes: "ja",
  no: "nee",
  backedBy: (cases, lessons) =>
    `Gesteund door ${lessons} ${lessons === 1 ? "les" : "lessen"} uit ${cases} ${cases === 1 ? "casus" : "casussen"}.`,
  date: longDate("nl-BE"),
};

const en: ExportWords = {
  htmlLang: "en",
  kind: {
    do: "Do",
    dont: "Don't",
    pitfall: "Pitfall",
    bottleneck: "Bottleneck",
    success_factor: "Success factor",
  },
  kindHeading: {
    do: "Do's",
    dont: "Don'ts",
    pitfall: "Pitfalls",
    bottleneck: "Bottlenecks",
    success_factor: "Success factors",
  },
  outcome: { succeeded: "succeeded", struggled: "struggled", ongoing: "ongoing" },
  contents: "Contents",
  recommendations: "Recommendations",
  evidence: "Evidence",
  crucial: "Possibly crucial element",
  noLessons: "no lessons",
  cases: "Cases",
  theme: "Theme",
  yes: "yes",
  no: "no",
  backedBy: (cases, lessons) =>
    `Backed by ${lessons} ${lessons === 1 ? "lesson" : "lessons"} from ${cases} ${cases === 1 ? "case" : "cases"}.`,
  date: longDate("en-GB"),
};

/** The export words for a language. */
export function exportWords(locale: ExportLocale): ExportWords {
  return locale === "en" ? en : nl;
}

/** "Voorbeeldstad — Casus Voorbeeldstad": how a lesson cites the case it comes from. */
export function citationText(c: { municipality: string | null; title: string }): string {
  return c.municipality ? `${c.municipality} — ${c.title}` : c.title;
}

/**
 * A case's name with its outcome, "Voorbeeldstad — Casus Voorbeeldstad (geslaagd)"; the outcome is not repeated
 * when the title already ends with it (as the demo's titles do).
 */
export function caseWithOutcome(
  c: { municipality: string | null; title: string; outcome: string | null },
  words: ExportWords,
): string {
  const outcome = c.outcome ? words.outcome[c.outcome] : undefined;
  const name = citationText(c);
  if (!outcome || name.toLowerCase().endsWith(`(${outcome.toLowerCase()})`)) return name;
  return `${name} (${outcome})`;
}

/**
 * What an export prints: the chapters that have something to say (text or lessons), numbered again in order — an
 * outline of twelve themes with lessons on three prints three chapters, not twelve mostly empty pages.
 */
export function printedChapters(handbook: Handbook): Handbook["chapters"] {
  return handbook.chapters
    .filter((c) => c.groups.length > 0 || c.text.some((block) => block.text.trim() !== ""))
    .map((c, i) => ({ ...c, number: i + 1 }));
}

/** An export's language: `?lang=nl|en` when the link names it (the screen's language), else the reader's own. */
export function exportLocale(
  requested: string | undefined,
  userLocale: string | null | undefined,
): ExportLocale {
  if (requested === "nl" || requested === "en") return requested;
  return userLocale === "en" ? "en" : "nl";
}

/** The export words for a request: the language its link asks for, else the logged-in reader's. */
export function exportWordsFor(c: Context): ExportWords {
  return exportWords(exportLocale(c.req.query("lang"), c.get("user")?.locale));
}
