import { z } from "zod";
import { emailSchema, idSchema, localeSchema, passwordSchema, personNameSchema } from "./common";

export const loginRequest = z.object({
  email: emailSchema,
  // Any length is accepted at login, within bounds, so the rule change never locks anyone out.
  password: z.string().min(1, "is required").max(256, "at most 256 characters"),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  isAdmin: z.boolean(),
  /** May this user create workspaces (admins and facilitators). */
  canCreateWorkspaces: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

/** GET /api/me, POST /api/auth/login, PATCH /api/me */
export const meResponse = z.object({ user: userSchema });
export type MeResponse = z.infer<typeof meResponse>;

export const updateAccountRequest = z
  .object({ name: personNameSchema.optional(), locale: localeSchema.optional() })
  .strict();
export type UpdateAccountRequest = z.infer<typeof updateAccountRequest>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, "is required").max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;
