import { z } from "zod";
import { lessonKinds, lessonStatuses } from "../lessons";
import { caseOutcomes, documentKinds } from "./documents";

export type { LessonKind, LessonStatus } from "../lessons";

/** What a search hit is: a lesson block or a whole document. */
export const searchHitTypes = ["lesson", "document"] as const;
export type SearchHitType = (typeof searchHitTypes)[number];

/** Filter keys of a search; several values of one key are OR-ed, different keys are AND-ed. */
export const searchFilterKeys = [
  "type",
  "lessonKind",
  "theme",
  "case",
  "isCentreCity",
  "outcome",
  "status",
  "documentKind",
] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/** Facets a search can count (the same names as the filters). */
export const searchFacetNames = searchFilterKeys;
export type SearchFacetName = SearchFilterKey;

export const SEARCH_LIMITS = {
  maxQueryLength: 200,
  defaultLimit: 20,
  maxLimit: 100,
  maxOffset: 1000,
  maxValuesPerFilter: 20,
} as const;

/** One value or a repeated key (`?kind=do&kind=dont`), each possibly comma-separated (`?kind=do,dont`). */
const multiValue = <T extends z.ZodType<unknown, string>>(value: T) => {
  // The cast only tells TypeScript what a generic array of T reads (strings) and gives (T's output).
  const list = z
    .array(value)
    .max(
      SEARCH_LIMITS.maxValuesPerFilter,
      `at most ${SEARCH_LIMITS.maxValuesPerFilter} values`,
    ) as unknown as z.ZodType<z.output<T>[], string[]>;
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v !== ""),
    )
    .pipe(list)
    .optional();
};

const boolValue = z
  .enum(["0", "1", "true", "false"], "must be 0 or 1")
  .transform((v) => v === "1" || v === "true");
const themeId = z.string().regex(/^[a-z0-9]{8,40}$/, "must be an id");
const caseName = z.string().min(1).max(120, "at most 120 characters");

/**
 * GET /api/workspaces/:id/search?q=…&lessonKind=…&theme=…&case=…&isCentreCity=…&outcome=…&status=…&documentKind=…
 * &type=…&facets=…&limit=…&offset=… — the workspace comes from the path and is checked by the server.
 */
export const searchRequestQuery = z
  .object({
    q: z
      .string()
      .trim()
      .max(SEARCH_LIMITS.maxQueryLength, `at most ${SEARCH_LIMITS.maxQueryLength} characters`)
      .default(""),
    type: multiValue(z.enum(searchHitTypes)),
    lessonKind: multiValue(z.enum(lessonKinds)),
    theme: multiValue(themeId),
    case: multiValue(caseName),
    isCentreCity: multiValue(boolValue),
    outcome: multiValue(z.enum(caseOutcomes)),
    status: multiValue(z.enum(lessonStatuses)),
    documentKind: multiValue(z.enum(documentKinds)),
    facets: multiValue(z.enum(searchFacetNames)),
    /** 1: every word is text, kind words too (the kind chip was taken away). */
    literal: boolValue.optional(),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.maxLimit).default(SEARCH_LIMITS.defaultLimit),
    offset: z.coerce.number().int().min(0).max(SEARCH_LIMITS.maxOffset).default(0),
  })
  .strict();
export type SearchRequestQuery = z.infer<typeof searchRequestQuery>;

const themeRef = z.object({ id: z.string(), name: z.string() });

/** One hit. `titleHtml` and `snippet` are safe HTML: escaped text with `<mark>` around matches. */
export const searchHitSchema = z.object({
  id: z.string(),
  type: z.enum(searchHitTypes),
  documentId: z.string(),
  /** The document's title (for a lesson: the document it lives in), plain text. */
  title: z.string(),
  titleHtml: z.string(),
  snippet: z.string(),
  documentKind: z.enum(documentKinds),
  caseName: z.string().nullable(),
  isCentreCity: z.boolean().nullable(),
  outcome: z.enum(caseOutcomes).nullable(),
  /** Lesson fields; null on a document hit. */
  lessonKind: z.enum(lessonKinds).nullable(),
  status: z.enum(lessonStatuses).nullable(),
  themes: z.array(themeRef),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Counts per value of one facet, most frequent first; booleans are counted as "true"/"false". */
export const facetCountSchema = z.object({
  value: z.string(),
  count: z.number().int(),
  /** A readable name where the value is an id (themes); set by the API. */
  label: z.string().optional(),
});
export type FacetCount = z.infer<typeof facetCountSchema>;

/** The answer of GET /api/workspaces/:id/search. */
export const searchResponseSchema = z.object({
  hits: z.array(searchHitSchema),
  facets: z.partialRecord(z.enum(searchFacetNames), z.array(facetCountSchema)),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Milliseconds the engine took. */
  took: z.number(),
  /**
   * How the words were read: kind words ("valkuil", "pitfalls", "niet doen") became these kind filters,
   * and `q` is what was searched as text (shared/search-kind-words.ts). Empty kinds with `literal=1`.
   */
  understood: z.object({ lessonKinds: z.array(z.enum(lessonKinds)), q: z.string() }),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
