import { z } from "zod";
import { LIMITS } from "../limits";
import { roles } from "../roles";

export const idSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "must be an id");
export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(["nl", "en"]);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMaxLength, `at most ${LIMITS.emailMaxLength} characters`)
  .pipe(z.email("must be an email address"));
export const passwordSchema = z
  .string()
  .min(LIMITS.passwordMinLength, `at least ${LIMITS.passwordMinLength} characters`)
  .max(LIMITS.passwordMaxLength, `at most ${LIMITS.passwordMaxLength} characters`);

/**
 * Control characters (C0 with tab and line breaks, DEL, C1) and the Unicode line and paragraph
 * separators: never part of a one-line name or title, and they can hide what an export writes
 * (a formula behind a bell character) or break a line where none is expected.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** One line of text as typed in a name or title field: trimmed, at most `max` characters, no control character; may be empty. */
export function singleLineText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine(
      (value) => !controlCharacter.test(value),
      "must not contain control characters (such as a tab or line break)",
    );
}

/** A required one-line name or title (see singleLineText). */
export function requiredSingleLineText(max: number) {
  return singleLineText(max).min(1, "is required");
}

export const personNameSchema = requiredSingleLineText(LIMITS.nameMaxLength);
