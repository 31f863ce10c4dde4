import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { LIMITS } from "../shared/limits";
import { IMPORT_LIMITS } from "../shared/schemas/imports";
import type { AppDeps } from "./app-deps";
import { originCheck } from "./auth/origin-check";
import { sessionMiddleware } from "./auth/session-middleware";
import { AppError } from "./errors";
import type { AppEnv } from "./http/app-env";
import { clientApp } from "./http/client-app";
import { errorHandler } from "./http/error-handler";
import { healthRoute } from "./http/health";
import { requestLog } from "./http/request-log";

/** Builds the HTTP application: health, the JSON API under /api, and the client app for every other path. */
/** The one route whose bodies are files rather than JSON. */
const IMPORT_PATH = /^\/api\/workspaces\/[^/]+\/imports$/;

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requestLog(deps.logger));
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Lexical and React set style attributes on elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get("/healthz", healthRoute(deps.health));

  const jsonLimit = bodyLimit({
    maxSize: LIMITS.maxJsonBodyBytes,
    onError: () => {
      throw new AppError(
        413,
        "payload_too_large",
        `Request bodies are limited to ${LIMITS.maxJsonBodyBytes} bytes.`,
      );
    },
  });
  // An import carries one file of up to IMPORT_LIMITS.maxFileBytes, plus the form around it.
  const importLimit = bodyLimit({
    maxSize: IMPORT_LIMITS.maxFileBytes + 64 * 1024,
    onError: () => {
      throw new AppError(
        413,
        "payload_too_large",
        `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`,
        { field: "file", reason: "too_large" },
      );
    },
  });
  app.use("/api/*", (c, next) => (IMPORT_PATH.test(c.req.path) ? importLimit(c, next) : jsonLimit(c, next)));
  app.use("/api/*", originCheck(deps.config.publicUrl));
  app.use("/api/*", sessionMiddleware(deps.sessions, { secure: deps.config.secureCookies }));
  for (const mount of deps.apiModules) mount(app);
  app.all("/api/*", () => {
    throw new AppError(404, "not_found", "No such API route.");
  });

  app.all("*", clientApp(deps.clientDir));
  app.onError(errorHandler(deps.logger));
  return app;
}
