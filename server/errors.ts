import type { ErrorCode } from "../shared/errors";

/** An error meant for the API caller: carries its HTTP status and a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly details?: { field?: string; retryAfterSeconds?: number; reason?: string },
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, field?: string) =>
  new AppError(400, "validation_failed", message, field ? { field } : undefined);
export const unauthorized = (message = "You need to log in.") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "You may not do this.") => new AppError(403, "forbidden", message);
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found.`);
export const conflict = (message: string) => new AppError(409, "conflict", message);
