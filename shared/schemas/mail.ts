import { z } from "zod";

/** How often a person gets the overview of what is new in what they follow. */
export const digestFrequencies = ["daily", "weekly", "off"] as const;
export const digestFrequency = z.enum(digestFrequencies);
export type DigestFrequency = z.infer<typeof digestFrequency>;

/**
 * A person's mail preferences:
 * - GET /api/me/mail → MailPreferences (`enabled`: whether the server sends mail at all, SMTP_URL)
 * - PUT /api/me/mail { commentMail?, digest? } (at least one) → MailPreferences
 * - GET /mail/afmelden/:token → a page that asks to confirm; POST there turns all their mail off
 *   (comment mail and the digest; also RFC 8058 one-click from a mail client: no login, the token
 *   is the authority).
 */
export const mailPreferencesResponse = z.object({
  enabled: z.boolean(),
  /** Mail about mentions and replies to my conversations, grouped when several come close together. */
  commentMail: z.boolean(),
  /** The overview of new lessons, threads and changes in what I follow. */
  digest: digestFrequency,
});
export type MailPreferences = z.infer<typeof mailPreferencesResponse>;

export const updateMailPreferencesRequest = z
  .object({ commentMail: z.boolean().optional(), digest: digestFrequency.optional() })
  .strict()
  .refine((body) => body.commentMail !== undefined || body.digest !== undefined, {
    message: "Send commentMail, digest or both.",
  });
export type UpdateMailPreferences = z.infer<typeof updateMailPreferencesRequest>;

/** The token in an unsubscribe link: 24 random bytes, base64url. */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
