import type { AccessControl } from "../auth/access";
import type { SessionStore } from "../auth/sessions";
import type { Db } from "../db/database";
import type { DomainEventBus } from "../events";
import type { Logger } from "../logger";
import { followAccessEvents } from "./access-events";
import { CollabServer } from "./collab-server";
import type { ContentRepair } from "./content-repair";
import type { CollabSettings } from "./limits";
import { DocumentStore } from "./persistence";
import { UpgradeAuthenticator } from "./upgrade-auth";

export { CollabServer, type DocumentSettledListener } from "./collab-server";
export type { ContentRepair } from "./content-repair";
export type { CollabSettings } from "./limits";
export { DocumentStore } from "./persistence";

export interface CollabDeps {
  db: Db;
  /** How update-log appends are committed (DatabaseHandle.withoutFlushWait); plain writes when absent. */
  appendWrite?: <T>(work: (trx: Db) => Promise<T>) => Promise<T>;
  publicUrl: string;
  sessions: SessionStore;
  access: AccessControl;
  events: DomainEventBus;
  logger: Logger;
  settings?: Partial<CollabSettings>;
  /** Keeps documents readable by the editor (lexicalContentRepair); content is kept as is without. */
  contentRepair?: ContentRepair;
}

/** Builds the collaboration server and subscribes it to access events until it closes. */
export function createCollabServer(deps: CollabDeps): CollabServer {
  const store = new DocumentStore(deps.db, deps.appendWrite);
  const authenticator = new UpgradeAuthenticator(deps.publicUrl, deps.sessions, deps.access, store);
  const server = new CollabServer(store, authenticator, deps.logger, deps.settings, deps.contentRepair);
  server.onClose(
    followAccessEvents(
      deps.events,
      () => server.connections(),
      () => server.noteAccessChange(),
    ),
  );
  return server;
}
