import { CLOSE_CODES } from "../../shared/close-codes";
import { can } from "../auth/policy";
import type { DomainEventBus } from "../events";
import type { CollabConnection } from "./connection";

/**
 * Keeps open sockets in step with access changes: a removed member or a trashed document loses
 * its sockets (4403), ended sessions close theirs (4401), a changed role closes with 4501 so the
 * provider reconnects and is authorised again with the new role.
 */
export function followAccessEvents(
  events: DomainEventBus,
  connections: () => Iterable<CollabConnection>,
  onAnyChange: () => void,
): () => void {
  const offs = [
    events.on("membershipChanged", onAnyChange),
    events.on("sessionsEnded", onAnyChange),
    events.on("documentTrashed", onAnyChange),
    events.on("membershipChanged", ({ workspaceId, userId, role }) => {
      for (const conn of Array.from(connections())) {
        const who = conn.identity;
        if (who.userId !== userId || who.workspaceId !== workspaceId) continue;
        if (!role || !can(role, "document.read")) conn.close(CLOSE_CODES.forbidden, "membership ended");
        else if (role !== who.role) conn.close(CLOSE_CODES.roleChanged, "role changed");
      }
    }),
    events.on("sessionsEnded", ({ userId, sessionId, exceptSessionId }) => {
      for (const conn of Array.from(connections())) {
        const who = conn.identity;
        if (who.userId !== userId) continue;
        if (sessionId && who.sessionId !== sessionId) continue;
        if (exceptSessionId && who.sessionId === exceptSessionId) continue;
        conn.close(CLOSE_CODES.unauthorized, "session ended");
      }
    }),
    events.on("documentTrashed", ({ documentId, deleted }) => {
      if (!deleted) return;
      for (const conn of Array.from(connections())) {
        if (conn.identity.documentId === documentId) conn.close(CLOSE_CODES.forbidden, "document trashed");
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
