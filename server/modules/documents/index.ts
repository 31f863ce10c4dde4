import type { ApiModule } from "../../app-deps";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import { DocumentRepository } from "./documents.repo";
import { documentRoutes } from "./documents.routes";
import { DocumentService } from "./documents.service";

export { DocumentService } from "./documents.service";

/** Builds the documents module: its service (for other parts) and its routes. */
export function createDocumentsModule(deps: { db: Db; access: AccessControl; events: DomainEventBus }): {
  service: DocumentService;
  routes: ApiModule;
} {
  const service = new DocumentService(new DocumentRepository(deps.db), deps.events);
  return { service, routes: documentRoutes(service, deps.access) };
}
