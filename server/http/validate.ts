import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "../errors";

/** Turns the first zod issue into a 400 that names the field. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : undefined;
  const message = field ? `${field}: ${issue.message}` : (issue?.message ?? "Invalid input.");
  return new AppError(400, "validation_failed", message, field ? { field } : undefined);
}

/** Parses a value with a schema or throws a 400 naming the field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Reads the JSON body and validates it; malformed JSON and a wrong Content-Type are 400/415. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError(415, "unsupported_media_type", "Send the request body as application/json.");
  }
  let value: unknown;
  try {
    value = await c.req.json();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, "validation_failed", "The request body is not valid JSON.");
  }
  return parseWith(schema, value);
}

/** Validates the query string (first value of each key). */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseWith(schema, c.req.query());
}

/** The query string with repeated keys kept as arrays (`?kind=do&kind=dont`) and single ones as strings. */
export function multiQuery(c: Context): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}
