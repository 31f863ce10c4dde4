import type { ComparisonSummary, SavedComparison } from "../../../shared/schemas/comparisons";
import type { ComparisonRecord } from "./comparisons.repo";
import type { ComparisonWithMatrix } from "./comparisons.service";

/** The client path of a saved comparison: the stable link shared inside the workspace. */
export const comparisonPath = (workspaceId: string, id: string) => `/w/${workspaceId}/vergelijking/${id}`;

export function presentComparisonSummary(r: ComparisonRecord, caseIds: string[]): ComparisonSummary {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    caseIds,
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: r.created_at,
    path: comparisonPath(r.workspace_id, r.id),
  };
}

export function presentSavedComparison(c: ComparisonWithMatrix): SavedComparison {
  return { ...presentComparisonSummary(c.record, c.caseIds), matrix: c.matrix };
}
