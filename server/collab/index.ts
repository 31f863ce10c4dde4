import type { AccessControl } from "../auth/access";
import type { SessionStore } from "../auth/sessions";
import type { Db } from "../db/database";
import type { DialectName } from "../db/dialect-types";
import type { DomainEventBus } from "../events";
import type { Logger } from "../logger";
import { followAccessEvents } from "./access-events";
import { CollabServer } from "./collab-server";
import type { ContentRepair } from "./content-repair";
import type { CollabSettings } from "./limits";
import { DocumentStore } from "./persistence";
import type { RoomRelay } from "./room-relay";
import { UpgradeAuthenticator } from "./upgrade-auth";

export { CollabServer, type DocumentSettledListener } from "./collab-server";
export type { ContentRepair } from "./content-repair";
export type { CollabSettings } from "./limits";
export { DocumentStore } from "./persistence";
export { type RelayInbound, type RelayLink, type RoomRelay, singleInstance } from "./room-relay";

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
  /** The database's dialect (PostgreSQL locks log folding to one instance at a time). */
  dialect?: DialectName;
  /** The other instances in scale-out mode; one instance without. */
  relay?: RoomRelay;
}

/** Builds the collaboration server and subscribes it to access events until it closes. */
export function createCollabServer(deps: CollabDeps): CollabServer {
  const store = new DocumentStore(deps.db, deps.appendWrite, deps.dialect);
  const authenticator = new UpgradeAuthenticator(deps.publicUrl, deps.sessions, deps.access, store);
  const server = new CollabServer(
    store,
    authenticator,
    deps.logger,
    deps.settings,
    deps.contentRepair,
    deps.relay,
  );
  server.onClose(
    followAccessEvents(
      deps.events,
      () => server.connections(),
      () => server.noteAccessChange(),
    ),
  );
  return server;
}
