import type { LessonKind } from "../../../shared/lessons";

/** What one case contributes to one theme row: the case's outcome and the kinds of its lessons there. */
export interface RowCell {
  outcome: "succeeded" | "struggled" | "ongoing" | null;
  kinds: readonly LessonKind[];
}

const positiveKinds: readonly LessonKind[] = ["do", "success_factor"];
const negativeKinds: readonly LessonKind[] = ["pitfall", "dont", "bottleneck"];

/**
 * A row is a candidate crucial element when a case that succeeded has a do or success factor there
 * AND a case that struggled has a pitfall, don't or bottleneck there — or nothing at all.
 * Ongoing cases (and cases without an outcome) never decide it.
 */
export function isCrucialElement(cells: readonly RowCell[]): boolean {
  const succeededPositive = cells.some(
    (c) => c.outcome === "succeeded" && c.kinds.some((k) => positiveKinds.includes(k)),
  );
  const struggledNegativeOrEmpty = cells.some(
    (c) => c.outcome === "struggled" && (c.kinds.length === 0 || c.kinds.some((k) => negativeKinds.includes(k))),
  );
  return succeededPositive && struggledNegativeOrEmpty;
}

/** Candidate crucial elements first; otherwise the rows keep their order (the themes' positions). */
export function sortCrucialFirst<T extends { crucial: boolean }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Number(b.crucial) - Number(a.crucial));
}
