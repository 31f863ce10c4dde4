import { z } from "zod";
import { idSchema } from "./common";
import { lessonKindSchema, lessonStatusSchema, outcomeSchema } from "./lessons";

/** A lesson cited as evidence, with the document (usually a case) it comes from. */
export const evidenceLessonSchema = z.object({
  id: z.string(),
  kind: lessonKindSchema,
  text: z.string(),
  status: lessonStatusSchema,
  themes: z.array(z.object({ id: idSchema, name: z.string() })),
  document: z.object({
    id: idSchema,
    title: z.string(),
    kind: z.string(),
    municipality: z.string().nullable(),
    outcome: outcomeSchema.nullable(),
  }),
});
export type EvidenceLesson = z.infer<typeof evidenceLessonSchema>;

/**
 * GET /api/documents/:id/evidence → lessons supporting a recommendation and how much backs it;
 * PUT and DELETE /api/documents/:id/evidence/:lessonId answer the same shape.
 */
export const evidenceResponse = z.object({
  lessons: z.array(evidenceLessonSchema),
  /** cases: distinct case documents among the lessons; lessons: how many lessons. */
  counts: z.object({ cases: z.number().int(), lessons: z.number().int() }),
});
export type EvidenceResponse = z.infer<typeof evidenceResponse>;

/** GET /api/lessons/:id/recommendations → the live recommendation documents citing the lesson. */
export const citingRecommendationsResponse = z.object({
  recommendations: z.array(z.object({ id: idSchema, title: z.string() })),
});
