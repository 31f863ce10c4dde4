import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ApiErrorBody } from "../../shared/errors";
import { AppError } from "../errors";
import type { Logger } from "../logger";

/** The one place errors become responses: `{"error":{"code","message"}}`, nothing internal leaks. */
export function errorHandler(logger: Logger) {
  return function onError(err: Error, c: Context): Response {
    if (err instanceof AppError) {
      const body: ApiErrorBody = { error: { code: err.code, message: err.message } };
      if (err.details?.field) body.error.field = err.details.field;
      if (err.details?.reason) body.error.reason = err.details.reason;
      if (err.details?.retryAfterSeconds) c.header("Retry-After", String(err.details.retryAfterSeconds));
      return c.json(body, err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code =
        err.status === 413 ? "payload_too_large" : err.status === 404 ? "not_found" : "validation_failed";
      return c.json(
        { error: { code, message: err.message || "Bad request." } } satisfies ApiErrorBody,
        err.status,
      );
    }
    logger.error("unhandled error", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      error: err.message,
      stack: err.stack,
    });
    const body: ApiErrorBody = {
      error: { code: "internal_error", message: "Something went wrong on the server." },
    };
    return c.json(body, 500);
  };
}
