import type { LessonKind, LessonStatus } from "../../../shared/lessons";
import type { ComparisonMatrix } from "../../../shared/schemas/comparisons";
import { isCrucialElement, sortCrucialFirst } from "./crucial-element";
import type { CaseLessonRow, CaseRow } from "./comparisons.repo";

type Outcome = "succeeded" | "struggled" | "ongoing";
const outcomes: readonly string[] = ["succeeded", "struggled", "ongoing"];

/**
 * Builds the themes × cases matrix: one column per case in the order asked, one row per theme that
 * holds a lesson of some compared case, candidate crucial elements first, then by theme position.
 */
export function caseComparison(input: {
  caseOrder: readonly string[];
  cases: readonly CaseRow[];
  themes: ReadonlyArray<{ id: string; name: string }>;
  lessons: readonly CaseLessonRow[];
}): ComparisonMatrix {
  const byId = new Map(input.cases.map((c) => [c.id, c]));
  const cases = input.caseOrder.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c] : [];
  });
  const rows = input.themes.flatMap((theme) => {
    const cells = cases.map((c) => ({
      caseId: c.id,
      lessons: input.lessons
        .filter((l) => l.document_id === c.id && l.theme_id === theme.id)
        .map((l) => ({ id: l.id, kind: l.kind as LessonKind, text: l.text, status: l.status as LessonStatus })),
    }));
    if (cells.every((cell) => cell.lessons.length === 0)) return [];
    const crucial = isCrucialElement(
      cells.map((cell, i) => ({ outcome: outcomeOf(cases[i]), kinds: cell.lessons.map((l) => l.kind) })),
    );
    return [{ theme: { id: theme.id, name: theme.name }, crucial, cells }];
  });
  return {
    cases: cases.map((c) => ({
      id: c.id,
      title: c.title,
      municipality: c.municipality,
      isCentreCity: c.is_centre_city === null ? null : c.is_centre_city === 1,
      outcome: outcomeOf(c),
    })),
    rows: sortCrucialFirst(rows),
  };
}

function outcomeOf(c: CaseRow): Outcome | null {
  return outcomes.includes(c.outcome ?? "") ? (c.outcome as Outcome) : null;
}
