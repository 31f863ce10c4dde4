import { z } from "zod";
import { lessonKindSchema, lessonStatusSchema, outcomeSchema } from "./lessons";
import { idSchema, requiredSingleLineText } from "./common";

/** The largest number of cases one comparison puts side by side. */
export const maxComparedCases = 12;

const caseIds = z
  .array(idSchema)
  .min(2, "pick at least two cases")
  .max(maxComparedCases, `at most ${maxComparedCases} cases`)
  .refine((ids) => new Set(ids).size === ids.length, "a case is listed twice");

/** POST /api/workspaces/:id/comparisons/preview { caseIds } → { comparison: ComparisonMatrix } */
export const comparisonPreviewRequest = z.object({ caseIds });
/** POST /api/workspaces/:id/comparisons { name, caseIds } → 201 { comparison: SavedComparison } */
export const createComparisonRequest = z.object({
  name: requiredSingleLineText(200),
  caseIds,
});

export const comparedCaseSchema = z.object({
  id: idSchema,
  title: z.string(),
  municipality: z.string().nullable(),
  isCentreCity: z.boolean().nullable(),
  outcome: outcomeSchema.nullable(),
});

export const comparisonCellSchema = z.object({
  caseId: idSchema,
  lessons: z.array(
    z.object({ id: z.string(), kind: lessonKindSchema, text: z.string(), status: lessonStatusSchema }),
  ),
});

export const comparisonRowSchema = z.object({
  theme: z.object({ id: idSchema, name: z.string() }),
  /** A succeeded case has a do/success factor here while a struggled case has a pitfall, don't, bottleneck or nothing. */
  crucial: z.boolean(),
  /** One cell per case, in the order of `cases`. */
  cells: z.array(comparisonCellSchema),
});

/** Themes as rows (candidate crucial elements first), cases as columns; only themes with a lesson in some case. */
export const comparisonMatrixSchema = z.object({
  cases: z.array(comparedCaseSchema),
  rows: z.array(comparisonRowSchema),
});
export type ComparisonMatrix = z.infer<typeof comparisonMatrixSchema>;

export const comparisonSummarySchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  name: z.string(),
  caseIds: z.array(idSchema),
  createdBy: z.object({ id: idSchema, name: z.string() }),
  createdAt: z.string(),
  /** Client path of the stable link inside the workspace. */
  path: z.string(),
});
export type ComparisonSummary = z.infer<typeof comparisonSummarySchema>;

/** GET /api/workspaces/:id/comparisons/:comparisonId → { comparison } (the matrix recomputed from live lessons) */
export const savedComparisonSchema = comparisonSummarySchema.extend({ matrix: comparisonMatrixSchema });
export type SavedComparison = z.infer<typeof savedComparisonSchema>;

/** GET /api/workspaces/:id/comparisons → { comparisons } */
export const comparisonListResponse = z.object({ comparisons: z.array(comparisonSummarySchema) });
