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

/**
 * POST /api/auth/password-reset { email } → 202 { sent: true } — the same answer whether or not the
 * address has an account (and whether or not email is on); throttled per address and per client.
 */
export const passwordResetRequest = z.object({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

/** A reset link's token: 43 base64url characters (32 random bytes). */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a reset token");

/**
 * POST /api/auth/password-reset/confirm { token, newPassword } → 204, every session of the account
 * ended; 410 `gone` for a token that is unknown, used or past its hour.
 */
export const passwordResetConfirm = z.object({ token: resetTokenSchema, newPassword: passwordSchema });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;

/** GET /api/auth/mail → whether the server sends email (SMTP_URL set); the login and account pages say so. */
export const mailStatusResponse = z.object({ enabled: z.boolean() });
export type MailStatusResponse = z.infer<typeof mailStatusResponse>;
