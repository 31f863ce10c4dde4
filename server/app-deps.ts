import type { Hono } from "hono";
import type { AccessControl } from "./auth/access";
import type { SessionStore } from "./auth/sessions";
import type { Config } from "./config";
import type { DatabaseHandle } from "./db/database";
import type { DomainEventBus } from "./events";
import type { AppEnv } from "./http/app-env";
import type { HealthCheck } from "./http/health";
import type { Logger } from "./logger";

/** Registers a module's routes (and middleware) on the app, under /api. */
export type ApiModule = (app: Hono<AppEnv>) => void;

/** Everything the HTTP app is built from; constructed in server/compose.ts. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  clientDir: string;
  health: HealthCheck[];
  sessions: SessionStore;
  access: AccessControl;
  events: DomainEventBus;
  apiModules: ApiModule[];
}
