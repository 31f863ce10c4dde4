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
export const personNameSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(LIMITS.nameMaxLength, `at most ${LIMITS.nameMaxLength} characters`);
