import type { ApiModule } from "../../app-deps";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import type { Logger } from "../../logger";
import { ComparisonsService } from "../comparisons/comparisons.service";
import { comparisonsRoutes } from "../comparisons/comparisons.routes";
import { EvidenceService } from "../recommendations/evidence.service";
import { evidenceRoutes } from "../recommendations/evidence.routes";
import { ChapterThemeService } from "./chapter-theme.service";
import { handbookRoutes } from "./handbook.routes";
import { HandbookService, type ReadDocumentJson } from "./handbook.service";
import { minimalRoutes } from "./minimal.routes";
import { MinimalVersionService } from "./minimal.service";

/** Builds comparisons, recommendation evidence, the handbook and the minimal version: their routes. */
export function createHandbookModules(deps: {
  db: Db;
  access: AccessControl;
  events: DomainEventBus;
  readDocumentJson: ReadDocumentJson;
  logger: Logger;
}): ApiModule[] {
  const { db, access } = deps;
  return [
    comparisonsRoutes(new ComparisonsService(db, access)),
    evidenceRoutes(new EvidenceService(db, access)),
    handbookRoutes(new HandbookService(db, access, deps.readDocumentJson, deps.events, deps.logger)),
    minimalRoutes(new MinimalVersionService(db, access), new ChapterThemeService(db, access)),
  ];
}
