import type { LessonKind } from "../../../shared/lessons";

/**
 * Dutch (nl-BE) labels for the exports. An export is a document for the working group, written in
 * its language; the on-screen client uses its own message catalogue.
 */
export const kindLabel: Record<LessonKind, string> = {
  do: "Do",
  dont: "Don't",
  pitfall: "Valkuil",
  bottleneck: "Knelpunt",
  success_factor: "Succesfactor",
};

export const kindHeading: Record<LessonKind, string> = {
  do: "Do's",
  dont: "Don'ts",
  pitfall: "Valkuilen",
  bottleneck: "Knelpunten",
  success_factor: "Succesfactoren",
};

export const outcomeLabel: Record<string, string> = {
  succeeded: "geslaagd",
  struggled: "moeizaam",
  ongoing: "lopend",
};

export const exportLabels = {
  contents: "Inhoud",
  recommendations: "Aanbevelingen",
  evidence: "Onderbouwing",
  noEvidence: "Nog geen onderbouwing.",
  crucial: "Kandidaat cruciaal element",
  noLessons: "geen lessen",
  cases: "Casussen",
  theme: "Thema",
  chapter: "Hoofdstuk",
  backedBy: (cases: number, lessons: number) =>
    `Gesteund door ${lessons} ${lessons === 1 ? "les" : "lessen"} uit ${cases} ${cases === 1 ? "casus" : "casussen"}.`,
} as const;

/** "Voorbeeldstad — Casus Voorbeeldstad": how a lesson cites the case it comes from. */
export function citationText(c: { municipality: string | null; title: string }): string {
  return c.municipality ? `${c.municipality} — ${c.title}` : c.title;
}
