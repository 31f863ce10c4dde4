import type { ApiModule } from "../../app-deps";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { LiveHub } from "../../live/live-hub";
import { commentsRoutes } from "./comments.routes";
import { CommentsService, type DocumentReader } from "./comments.service";

export { CommentsService } from "./comments.service";

/** Builds the comments module: its service and its routes. */
export function createCommentsModule(deps: {
  db: Db;
  access: AccessControl;
  readDocument: DocumentReader;
  live: LiveHub;
}): {
  service: CommentsService;
  routes: ApiModule;
} {
  const service = new CommentsService(deps.db, deps.access, deps.readDocument, deps.live);
  return { service, routes: commentsRoutes(service) };
}
