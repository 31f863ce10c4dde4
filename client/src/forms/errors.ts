import i18next from "i18next";
import type { z } from "zod";
import { ApiError } from "../api/client";

// Messages come from the "common" namespace in the current language; callers re-render on a language
// change because they use useTranslation themselves.
const t = i18next.getFixedT(null, "common");

/** Field name → message, shown next to the field it concerns. */
export type FieldErrors = Partial<Record<string, string>>;

/** Translates one zod issue from the shared schemas into the interface language. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1
        ? t("validation.required")
        : t("validation.tooShort", { min: Number(issue.minimum) });
    case "too_big":
      return t("validation.tooLong", { max: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "invalid_type":
      return t("validation.required");
    default:
      return t("validation.invalid");
  }
}

/** Validates form values with a shared schema: the parsed data, or an error per field. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.infer<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    // An empty field is "required", whatever rule (e.g. the email format) tripped over it first.
    const value = (values as Record<string, unknown> | null)?.[field];
    const empty = typeof value === "string" && value.trim() === "";
    errors[field] ??= empty ? t("validation.required") : issueMessage(issue);
  }
  return { errors };
}

/** A sentence that explains a failed API call to the user. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.generic");
  if (error.code === "network_error") return t("errors.network");
  switch (error.status) {
    case 401:
      return t("errors.sessionExpired");
    case 403:
      return t("errors.forbidden");
    case 404:
      return t("errors.notFound");
    case 409:
      return t("errors.conflict");
    case 429:
      return t("errors.rateLimited", { count: error.retryAfterSeconds ?? 60 });
    case 400:
      return t("validation.invalid");
    default:
      return error.status >= 500 ? t("errors.server") : t("errors.generic");
  }
}

/** The server named a bad field: show its error next to that field (translated generically). */
export function apiFieldErrors(error: unknown): FieldErrors | undefined {
  if (error instanceof ApiError && error.status === 400 && error.field) {
    return { [error.field.split(".")[0]]: t("validation.invalid") };
  }
  return undefined;
}
