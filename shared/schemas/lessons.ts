import { z } from "zod";
import { lessonKinds, lessonStances, lessonStatuses } from "../lessons";
import { idSchema } from "./common";

export const lessonKindSchema = z.enum(lessonKinds);
export const lessonStatusSchema = z.enum(lessonStatuses);
export const outcomeSchema = z.enum(["succeeded", "struggled", "ongoing"]);

const manyOf = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[])
    .optional();

/** Query of GET /api/workspaces/:id/lessons; each filter may repeat (values are OR-ed). */
export const lessonQuery = z.object({
  kind: manyOf(lessonKindSchema),
  theme: manyOf(idSchema),
  /** Document id of a case (or any document). */
  case: manyOf(idSchema),
  centreCity: z.enum(["1", "0"]).optional(),
  outcome: manyOf(outcomeSchema),
  status: manyOf(lessonStatusSchema),
  q: z.string().max(200).optional(),
});
export type LessonQuery = z.infer<typeof lessonQuery>;

export const stanceSchema = z.object({
  userId: idSchema,
  userName: z.string(),
  stance: z.enum(lessonStances),
  reason: z.string(),
  at: z.string(),
});

export const lessonSchema = z.object({
  id: z.string(),
  workspaceId: idSchema,
  kind: lessonKindSchema,
  text: z.string(),
  themes: z.array(z.object({ id: idSchema, name: z.string() })),
  status: lessonStatusSchema,
  previousStatus: lessonStatusSchema.nullable(),
  document: z.object({
    id: idSchema,
    title: z.string(),
    kind: z.string(),
    municipality: z.string().nullable(),
    isCentreCity: z.boolean().nullable(),
    outcome: outcomeSchema.nullable(),
  }),
  author: z.object({ id: idSchema, name: z.string() }).nullable(),
  endorsements: z.array(stanceSchema),
  objections: z.array(stanceSchema),
  /** The caller's own stance, if any. */
  myStance: z.enum(lessonStances).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lesson = z.infer<typeof lessonSchema>;

/** GET /api/workspaces/:id/lessons → lessons with counts per kind and per theme (over the filtered set). */
export const lessonListResponse = z.object({
  lessons: z.array(lessonSchema),
  counts: z.object({
    byKind: z.record(z.string(), z.number()),
    byTheme: z.record(z.string(), z.number()),
  }),
});
/** GET /api/lessons/:id → { lesson } */
export const lessonResponse = z.object({ lesson: lessonSchema });

/** PATCH /api/lessons/:id/status { status } → { lesson } (facilitator; undo = set previousStatus back) */
export const setLessonStatusRequest = z.object({ status: lessonStatusSchema });
/** PUT /api/lessons/:id/stance { stance, reason } → { lesson }; DELETE /api/lessons/:id/stance → { lesson } */
export const setStanceRequest = z.object({
  stance: z.enum(lessonStances),
  reason: z.string().trim().max(500, "at most 500 characters").default(""),
});
