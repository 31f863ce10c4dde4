import type { z } from "zod";
import type { ErrorCode } from "../../../shared/errors";

/**
 * A failed API call. `code` is the server's stable error code (shared/errors.ts), or
 * `network_error` when the server could not be reached and `invalid_response` when the answer
 * did not match the expected schema. `field` names the bad input when the server said so, and `reason`
 * says more than the code where the server gives one (e.g. why an import was refused).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network_error" | "invalid_response",
    message: string,
    readonly field?: string,
    /** From the Retry-After header of a 429. */
    readonly retryAfterSeconds?: number,
    /** A finer reason beside the code, e.g. an import refusal (shared/schemas/imports.ts). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** True when `error` is an ApiError with this HTTP status. */
export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown, schema?: z.ZodType<T>): Promise<T> {
  const init: RequestInit = {
    method,
    // Same origin only: the session cookie travels, and the browser adds the Origin header
    // that the server requires on state-changing requests.
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  };
  if (body !== undefined) {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached.");
  }
  const json = await readJson(response);
  if (!response.ok) throw toApiError(response, json);
  if (!schema) return json as T;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, "invalid_response", `Unexpected answer from ${method} ${path}.`);
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  return parseJsonText(await response.text());
}

/** The JSON in an answer's text; undefined when it is empty or not JSON. */
export function parseJsonText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ApiError of a failed answer, from its status, its Retry-After header and the JSON error body. */
export function apiErrorOf(
  answer: { status: number; statusText: string; retryAfter: string | null },
  json: unknown,
): ApiError {
  const error = (
    json as { error?: { code?: string; message?: string; field?: string; reason?: string } } | undefined
  )?.error;
  const retryAfter = Number(answer.retryAfter);
  return new ApiError(
    answer.status,
    (error?.code as ErrorCode | undefined) ?? (answer.status >= 500 ? "internal_error" : "validation_failed"),
    error?.message ?? `${answer.status} ${answer.statusText}`,
    error?.field,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    error?.reason,
  );
}

const toApiError = (response: Response, json: unknown) =>
  apiErrorOf(
    {
      status: response.status,
      statusText: response.statusText,
      retryAfter: response.headers.get("Retry-After"),
    },
    json,
  );

/**
 * The typed fetch helper for the JSON API. Pass a shared zod schema to parse (and type) the answer;
 * without one the answer is `unknown`. Every method throws an ApiError on failure.
 *
 * @example
 * const { workspaces } = await api.get("/api/workspaces", workspaceListResponse);
 * await api.post(`/api/workspaces/${id}/invites`, { role: "editor" }, createdInviteResponse);
 * await api.delete(`/api/workspaces/${id}/invites/${inviteId}`);
 */
export const api = {
  get: <T = unknown>(path: string, schema?: z.ZodType<T>) => request<T>("GET", path, undefined, schema),
  post: <T = unknown>(path: string, body?: unknown, schema?: z.ZodType<T>) =>
    request<T>("POST", path, body ?? {}, schema),
  patch: <T = unknown>(path: string, body: unknown, schema?: z.ZodType<T>) =>
    request<T>("PATCH", path, body, schema),
  put: <T = unknown>(path: string, body: unknown, schema?: z.ZodType<T>) =>
    request<T>("PUT", path, body, schema),
  delete: <T = unknown>(path: string, schema?: z.ZodType<T>) => request<T>("DELETE", path, undefined, schema),
};
