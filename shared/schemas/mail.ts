import { z } from "zod";

/**
 * A person's mail preferences:
 * - GET /api/me/mail → MailPreferences (`enabled`: whether the server sends mail at all, SMTP_URL)
 * - PUT /api/me/mail { commentMail } → MailPreferences
 * - GET /mail/afmelden/:token → a page that asks to confirm; POST there turns comment mail off
 *   (also RFC 8058 one-click from a mail client: no login, the token is the authority).
 */
export const mailPreferencesResponse = z.object({
  enabled: z.boolean(),
  /** Mail about mentions and replies to my conversations, grouped when several come close together. */
  commentMail: z.boolean(),
});
export type MailPreferences = z.infer<typeof mailPreferencesResponse>;

export const updateMailPreferencesRequest = z.object({ commentMail: z.boolean() }).strict();

/** The token in an unsubscribe link: 24 random bytes, base64url. */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
