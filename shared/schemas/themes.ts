import { z } from "zod";
import { idSchema, requiredSingleLineText } from "./common";

const themeName = requiredSingleLineText(120);

export const themeSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
  lessonCount: z.number().int(),
});
export type Theme = z.infer<typeof themeSchema>;

/**
 * GET /api/workspaces/:id/themes → { themes, aliases } (active themes; ?archived=1 adds archived ones).
 * `aliases` maps the id of each theme that was merged away to the theme that absorbed it: lesson blocks may still
 * name the old id.
 */
export const themeListResponse = z.object({
  themes: z.array(themeSchema),
  aliases: z.record(z.string(), z.string()),
});
/** POST /api/workspaces/:id/themes → 201 { theme } */
export const createThemeRequest = z.object({ name: themeName, description: z.string().max(2000).optional() });
/** PATCH /api/themes/:id → { theme } — rename, describe, reorder, archive or unarchive */
export const updateThemeRequest = z
  .object({
    name: themeName.optional(),
    description: z.string().max(2000).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .strict();
/** POST /api/themes/:id/merge { intoThemeId } → { theme } (the theme that remains) */
export const mergeThemeRequest = z.object({ intoThemeId: idSchema });
