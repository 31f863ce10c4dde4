/** Stable error codes of the JSON error shape `{"error":{"code","message"}}`. */
export const errorCodes = [
  "validation_failed",
  "unauthorized",
  "forbidden",
  "origin_mismatch",
  "not_found",
  "conflict",
  "gone",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "invalid_credentials",
  "internal_error",
  "service_unavailable",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    /** A finer reason where the screen says more than the code (e.g. an import refusal, shared/schemas/imports.ts). */
    reason?: string;
  };
}
