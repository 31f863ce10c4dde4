import { z } from "zod";

/**
 * Following themes and documents (their news goes into my digest):
 * - GET /api/workspaces/:id/follows → Follows (mine, in that workspace)
 * - PUT /api/follows FollowTarget → 204 (following twice is following once)
 * - DELETE /api/follows/:targetType/:targetId → 204
 */
export const followTargetTypes = ["theme", "document"] as const;
export const followTargetType = z.enum(followTargetTypes);
export type FollowTargetType = z.infer<typeof followTargetType>;

export const followTarget = z
  .object({ targetType: followTargetType, targetId: z.string().min(1).max(100) })
  .strict();
export type FollowTarget = z.infer<typeof followTarget>;

export const followsResponse = z.object({
  /** Ids of the themes I follow. */
  themes: z.array(z.string()),
  /** Ids of the documents I follow. */
  documents: z.array(z.string()),
});
export type Follows = z.infer<typeof followsResponse>;
