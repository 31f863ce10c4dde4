import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Refuses state-changing requests whose Origin is missing or not the server's own (CSRF defence). */
export function originCheck(publicUrl: string): MiddlewareHandler<AppEnv> {
  const allowed = new URL(publicUrl).origin;
  return async function checkOrigin(c, next) {
    if (stateChanging.has(c.req.method)) {
      const origin = c.req.header("Origin");
      if (!origin || origin !== allowed) {
        throw new AppError(403, "origin_mismatch", "This request must come from the Themawerk app itself.");
      }
    }
    await next();
  };
}

/** True when a WebSocket upgrade's Origin header is the server's own. */
export function isOwnOrigin(origin: string | undefined, publicUrl: string): boolean {
  return !!origin && origin === new URL(publicUrl).origin;
}
