import type { ApiModule } from "../../app-deps";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { LiveHub } from "../../live/live-hub";
import type { MessageHook } from "../notifications/comment-notices";
import { commentsRoutes } from "./comments.routes";
import { CommentsService, type DocumentReader } from "./comments.service";

export { CommentsService } from "./comments.service";

/** Builds the comments module: its service and its routes. */
export function createCommentsModule(deps: {
  db: Db;
  access: AccessControl;
  readDocument: DocumentReader;
  live: LiveHub;
  onMessage?: MessageHook;
}): {
  service: CommentsService;
  routes: ApiModule;
} {
  const service = new CommentsService(deps.db, deps.access, deps.readDocument, deps.live, deps.onMessage);
  return { service, routes: commentsRoutes(service) };
}
