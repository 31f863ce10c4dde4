import type { IncomingMessage } from "node:http";
import { parse as parseCookies } from "hono/utils/cookie";
import { CLOSE_CODES } from "../../shared/close-codes";
import type { AccessControl } from "../auth/access";
import { isOwnOrigin } from "../auth/origin-check";
import { can } from "../auth/policy";
import { SESSION_COOKIE, type SessionStore } from "../auth/sessions";
import type { ConnectionIdentity } from "./connection";
import type { DocumentStore } from "./persistence";

export type UpgradeVerdict =
  | { ok: true; identity: ConnectionIdentity }
  | { ok: false; code: number; reason: string };

const DOCUMENT_ID = /^[a-z2-7]{16}$/;

/**
 * Decides, at the upgrade, who may open a document socket and how: the Origin must be the app's,
 * the session cookie valid, the document present and not trashed, and the user a member who may
 * read it. Write access follows the policy action "document.editText".
 */
export class UpgradeAuthenticator {
  constructor(
    private readonly publicUrl: string,
    private readonly sessions: SessionStore,
    private readonly access: AccessControl,
    private readonly store: DocumentStore,
  ) {}

  async authenticate(req: IncomingMessage, documentId: string): Promise<UpgradeVerdict> {
    if (!isOwnOrigin(req.headers.origin, this.publicUrl)) {
      return { ok: false, code: CLOSE_CODES.badOrigin, reason: "origin not allowed" };
    }
    const token = parseCookies(req.headers.cookie ?? "", SESSION_COOKIE)[SESSION_COOKIE];
    const session = token ? await this.sessions.validate(token) : undefined;
    if (!session) return { ok: false, code: CLOSE_CODES.unauthorized, reason: "no session" };
    const forbidden = { ok: false, code: CLOSE_CODES.forbidden, reason: "no access" } as const;
    if (!DOCUMENT_ID.test(documentId)) return forbidden;
    const document = await this.store.findDocument(documentId);
    if (!document || document.trashed) return forbidden;
    const role = await this.access.roleIn(document.workspaceId, session.user.id);
    if (!role || !can(role, "document.read")) return forbidden;
    return {
      ok: true,
      identity: {
        userId: session.user.id,
        name: session.user.name,
        sessionId: session.sessionId,
        workspaceId: document.workspaceId,
        documentId,
        role,
        mode: can(role, "document.editText") ? "readWrite" : "readOnly",
      },
    };
  }
}
