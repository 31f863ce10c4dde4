import { randomBytes } from "node:crypto";
import { type DigestFrequency, digestFrequencies } from "../../../shared/schemas/mail";
import type { Db } from "../../db/database";
import { nowIso } from "../../ids";

/** What a person chose to be mailed about; the defaults when they never chose. */
export interface MailChoices {
  commentMail: boolean;
  digest: DigestFrequency;
}

/** What someone who never chose gets (the column default of mail_preferences.digest agrees). */
export const DEFAULT_MAIL_CHOICES: MailChoices = { commentMail: true, digest: "weekly" };

/** A stored digest value as a frequency; anything unknown reads as the default. */
export const asDigestFrequency = (value: string): DigestFrequency =>
  (digestFrequencies as readonly string[]).includes(value)
    ? (value as DigestFrequency)
    : DEFAULT_MAIL_CHOICES.digest;

export async function readMailChoices(db: Db, userId: string): Promise<MailChoices> {
  const row = await db
    .selectFrom("mail_preferences")
    .select(["comment_mail", "digest"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row
    ? { commentMail: row.comment_mail === 1, digest: asDigestFrequency(row.digest) }
    : DEFAULT_MAIL_CHOICES;
}

/** Stores the choices given, leaving the others (the row and its unsubscribe token are made on first use). */
export async function saveMailChoices(db: Db, userId: string, choices: Partial<MailChoices>): Promise<void> {
  await ensurePreferences(db, userId);
  await db
    .updateTable("mail_preferences")
    .set({
      ...(choices.commentMail !== undefined && { comment_mail: choices.commentMail ? 1 : 0 }),
      ...(choices.digest !== undefined && { digest: choices.digest }),
      updated_at: nowIso(),
    })
    .where("user_id", "=", userId)
    .execute();
}

/**
 * The token in a person's unsubscribe links, made on their first mail. It is kept as it is (not
 * hashed): every mail must carry it, and all it can do is stop mail to that person.
 */
export async function unsubscribeToken(db: Db, userId: string): Promise<string> {
  return (await ensurePreferences(db, userId)).unsubscribe_token;
}

/** Turns off all mail (comment mail and the digest) for the owner of the token; their id, or undefined for an unknown token. */
export async function unsubscribe(db: Db, token: string): Promise<string | undefined> {
  const row = await db
    .updateTable("mail_preferences")
    .set({ comment_mail: 0, digest: "off", updated_at: nowIso() })
    .where("unsubscribe_token", "=", token)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

/** The owner of an unsubscribe token, with their language (for the page the link opens). */
export async function tokenOwner(db: Db, token: string) {
  return db
    .selectFrom("mail_preferences")
    .innerJoin("users", "users.id", "mail_preferences.user_id")
    .select([
      "users.id",
      "users.email",
      "users.locale",
      "mail_preferences.comment_mail",
      "mail_preferences.digest",
    ])
    .where("mail_preferences.unsubscribe_token", "=", token)
    .executeTakeFirst();
}

async function ensurePreferences(db: Db, userId: string) {
  await db
    .insertInto("mail_preferences")
    .values({
      user_id: userId,
      comment_mail: DEFAULT_MAIL_CHOICES.commentMail ? 1 : 0,
      digest: DEFAULT_MAIL_CHOICES.digest,
      unsubscribe_token: randomBytes(24).toString("base64url"),
      updated_at: nowIso(),
    })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  return db
    .selectFrom("mail_preferences")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
}
