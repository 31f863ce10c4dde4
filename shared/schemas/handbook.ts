import { z } from "zod";
import { idSchema } from "./common";
import { lessonKindSchema, lessonStatusSchema } from "./lessons";

/** One chapter line of the outline: a theme, whether it is in the handbook, and its chapter documents. */
export const outlineChapterSchema = z.object({
  themeId: idSchema,
  name: z.string(),
  included: z.boolean(),
  chapterDocuments: z.array(z.object({ id: idSchema, title: z.string() })),
});

/** GET/PUT /api/workspaces/:id/handbook/outline → { outline } — included chapters first, in their order. */
export const handbookOutlineSchema = z.object({
  /** False while the facilitator has not stored an order: every live theme by position. */
  customised: z.boolean(),
  chapters: z.array(outlineChapterSchema),
});
export type HandbookOutline = z.infer<typeof handbookOutlineSchema>;

/** PUT /api/workspaces/:id/handbook/outline { themeIds }: the included themes, in chapter order. */
export const updateOutlineRequest = z.object({
  themeIds: z
    .array(idSchema)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, "a theme is listed twice"),
});

/** PUT /api/documents/:id/chapter-theme { themeId } links a chapter document to a theme (null unlinks). */
export const chapterThemeRequest = z.object({ themeId: idSchema.nullable() });

/**
 * A block of document text: headings keep their level, list items are flattened (a checklist item says whether it is
 * ticked), a table keeps its rows of cell texts (the first row is its header) and its text is the cells joined.
 */
export const textBlockSchema = z.object({
  type: z.enum(["heading", "paragraph", "quote", "listItem", "table"]),
  level: z.number().int().min(1).max(6).optional(),
  checked: z.boolean().optional(),
  rows: z.array(z.array(z.string())).optional(),
  text: z.string(),
});
export type TextBlock = z.infer<typeof textBlockSchema>;

/** Where a lesson comes from: the case's municipality (when it has one) and the document title. */
export const citationSchema = z.object({
  documentId: idSchema,
  title: z.string(),
  municipality: z.string().nullable(),
});
export type Citation = z.infer<typeof citationSchema>;

export const handbookLessonSchema = z.object({
  id: z.string(),
  kind: lessonKindSchema,
  text: z.string(),
  status: lessonStatusSchema,
  citation: citationSchema,
});
export type HandbookLesson = z.infer<typeof handbookLessonSchema>;

export const handbookChapterSchema = z.object({
  number: z.number().int(),
  theme: z.object({ id: idSchema, name: z.string() }),
  text: z.array(textBlockSchema),
  /** Validated and in-handbook lessons, grouped by kind in the fixed order do, dont, pitfall, bottleneck, success_factor. */
  groups: z.array(z.object({ kind: lessonKindSchema, lessons: z.array(handbookLessonSchema) })),
});
export type HandbookChapter = z.infer<typeof handbookChapterSchema>;

export const handbookRecommendationSchema = z.object({
  id: idSchema,
  title: z.string(),
  text: z.array(textBlockSchema),
  evidence: z.array(handbookLessonSchema),
  counts: z.object({ cases: z.number().int(), lessons: z.number().int() }),
});
export type HandbookRecommendation = z.infer<typeof handbookRecommendationSchema>;

/** GET /api/workspaces/:id/handbook → { handbook }: the compiled structure the exports are rendered from. */
export const handbookSchema = z.object({
  title: z.string(),
  subtitle: z.string(),
  compiledAt: z.string(),
  chapters: z.array(handbookChapterSchema),
  recommendations: z.array(handbookRecommendationSchema),
});
export type Handbook = z.infer<typeof handbookSchema>;

/** POST /api/workspaces/:id/handbook/mark-exported → { token, marked }: marked = lessons moved to in_handbook. */
export const markExportedResponse = z.object({ token: z.string(), marked: z.number().int() });
/** POST /api/workspaces/:id/handbook/mark-exported/undo { token } → { restored } */
export const undoMarkExportedRequest = z.object({ token: z.string().min(1).max(100) });

/** A minimum lesson on the checklist: listed once, under its first theme, the others named; ticked off by the group. */
export const minimalLessonSchema = handbookLessonSchema.extend({
  alsoOn: z.array(z.object({ id: idSchema, name: z.string() })),
  done: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type MinimalLesson = z.infer<typeof minimalLessonSchema>;

/** GET /api/workspaces/:id/minimal → the do lessons marked as the minimal feasible version, per theme. */
export const minimalVersionResponse = z.object({
  themes: z.array(
    z.object({
      theme: z.object({ id: idSchema, name: z.string() }),
      lessons: z.array(minimalLessonSchema),
    }),
  ),
});
/** PUT (done) or DELETE (open again) /api/lessons/:id/minimum/done → { lessonId, done }; facilitators and editors. */
export const minimumDoneResponse = z.object({
  lessonId: z.string(),
  done: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type MinimalVersion = z.infer<typeof minimalVersionResponse>;
