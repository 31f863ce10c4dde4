import type { Role } from "../../../shared/roles";
import type { AccessControl } from "../../auth/access";
import type { CounterStore } from "../../auth/counter-store";
import { hashPassword } from "../../auth/passwords";
import { requireUser } from "../../auth/require-user";
import { generateToken, hashToken } from "../../auth/session-token";
import type { SessionStore } from "../../auth/sessions";
import type { Db } from "../../db/database";
import { AppError, conflict, notFound } from "../../errors";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import { nowIso } from "../../ids";
import { findUserByEmail, insertUser } from "../account/users.repo";
import { findMember, insertMember } from "../members/members.repo";
import { InviteAcceptThrottle } from "./invite-accept-throttle";
import {
  consumeInvite,
  findInviteById,
  findInviteByTokenHash,
  type InviteByToken,
  type InviteRow,
  insertInvite,
  listOpenInvites,
  revokeInvite,
} from "./invites.repo";

/** An invitation link is valid this long. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const gone = () =>
  new AppError(410, "gone", "This invitation can no longer be used: it was used, revoked or has expired.");
/**
 * The one refusal of a new person's acceptance, whether the email has an account or the invitation
 * was taken meanwhile: same status, same body, after the same argon2 work, so whoever holds a link
 * cannot tell which emails have an account.
 */
const notAccepted = () =>
  conflict(
    "This invitation could not be accepted with these details. If you already have an account, log in first and then open the invitation again.",
  );
const alreadyMember = () => conflict("You are already a member of this workspace.");

/** Who accepts an invitation without having an account yet. */
export interface NewPerson {
  name: string;
  email: string;
  password: string;
}

export interface AcceptResult {
  workspaceId: string;
  user: SessionUser;
  /** A new session, when the invitation created the account. */
  session?: { token: string; expiresAt: Date };
}

export interface InvitesServiceDeps {
  db: Db;
  access: AccessControl;
  sessions: SessionStore;
  events: DomainEventBus;
  publicUrl: string;
  throttle?: InviteAcceptThrottle;
  /** Where the default throttle keeps its counts (shared by every instance in scale-out mode). */
  counters?: CounterStore;
}

/** Invitation links: created by a facilitator for a role, single use, 7 days, revocable. */
export class InvitesService {
  private readonly throttle: InviteAcceptThrottle;

  constructor(private readonly deps: InvitesServiceDeps) {
    this.throttle = deps.throttle ?? new InviteAcceptThrottle({ store: deps.counters });
  }

  /** Creates an invitation; the token is returned once and only its hash is stored. */
  async create(
    user: SessionUser | undefined,
    workspaceId: string,
    role: Role,
  ): Promise<{ invite: InviteRow; token: string; url: string }> {
    const { db, access, publicUrl } = this.deps;
    const inviter = requireUser(user);
    await access.requireWorkspace(inviter, workspaceId, "invites.manage");
    const token = generateToken();
    const now = Date.now();
    const id = await insertInvite(db, {
      tokenHash: hashToken(token),
      workspaceId,
      role,
      createdBy: inviter.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + INVITE_LIFETIME_MS).toISOString(),
    });
    const invite = await findInviteById(db, workspaceId, id);
    if (!invite) throw notFound("Invitation");
    return { invite, token, url: `${publicUrl}/uitnodiging/${token}` };
  }

  async listOpen(user: SessionUser | undefined, workspaceId: string): Promise<InviteRow[]> {
    await this.deps.access.requireWorkspace(user, workspaceId, "invites.manage");
    return listOpenInvites(this.deps.db, workspaceId, nowIso());
  }

  /** Revokes an open invitation; 404 when there is no open one with that id in this workspace. */
  async revoke(user: SessionUser | undefined, workspaceId: string, inviteId: string): Promise<void> {
    await this.deps.access.requireWorkspace(user, workspaceId, "invites.manage");
    if (!(await revokeInvite(this.deps.db, workspaceId, inviteId, nowIso()))) throw notFound("Invitation");
  }

  /** The invitation behind a token: 404 when unknown, 410 when used, revoked or expired. */
  async preview(token: string): Promise<InviteByToken> {
    const invite = await findInviteByTokenHash(this.deps.db, hashToken(token));
    if (!invite) throw notFound("Invitation");
    if (invite.used_at || invite.revoked_at || invite.expires_at <= nowIso()) throw gone();
    return invite;
  }

  /**
   * Accepts an invitation: a new person (name, email, password) gets an account and a session
   * (throttled per invitation and client address); a signed-in user joins with {}. An email that
   * already has an account gets the generic refusal (409) and joins by logging in instead.
   */
  async accept(
    token: string,
    person: NewPerson | undefined,
    user: SessionUser | undefined,
    ip: string,
  ): Promise<AcceptResult> {
    const invite = await this.preview(token);
    return person
      ? this.acceptAsNewPerson(invite, person, ip)
      : this.acceptAsMember(invite, requireUser(user));
  }

  private async acceptAsNewPerson(
    invite: InviteByToken,
    person: NewPerson,
    ip: string,
  ): Promise<AcceptResult> {
    const { db, sessions } = this.deps;
    await this.throttle.begin(invite.id, ip);
    // Hashed first, whatever the email: a refusal for an existing account costs the same work.
    const passwordHash = await hashPassword(person.password);
    if (await findUserByEmail(db, person.email)) throw notAccepted();
    const now = nowIso();
    let userId: string;
    try {
      userId = await db.transaction().execute(async (trx) => {
        const id = await insertUser(trx, { email: person.email, name: person.name, passwordHash });
        if (!(await consumeInvite(trx, invite.id, id, now))) throw notAccepted();
        await insertMember(trx, invite.workspace_id, id, invite.role as Role, now);
        return id;
      });
    } catch (error) {
      // Someone registered the same email meanwhile: the unique constraint rolled everything back.
      if (!(error instanceof AppError) && (await findUserByEmail(db, person.email))) throw notAccepted();
      throw error;
    }
    await this.throttle.succeeded(ip);
    const session = await sessions.create(userId);
    this.emitJoined(invite, userId);
    const user: SessionUser = {
      id: userId,
      email: person.email,
      name: person.name,
      locale: "nl",
      isAdmin: false,
    };
    return { workspaceId: invite.workspace_id, user, session };
  }

  private async acceptAsMember(invite: InviteByToken, user: SessionUser): Promise<AcceptResult> {
    const { db } = this.deps;
    if (await findMember(db, invite.workspace_id, user.id)) throw alreadyMember();
    const now = nowIso();
    try {
      await db.transaction().execute(async (trx) => {
        if (!(await consumeInvite(trx, invite.id, user.id, now))) throw gone();
        await insertMember(trx, invite.workspace_id, user.id, invite.role as Role, now);
      });
    } catch (error) {
      if (!(error instanceof AppError) && (await findMember(db, invite.workspace_id, user.id)))
        throw alreadyMember();
      throw error;
    }
    this.emitJoined(invite, user.id);
    return { workspaceId: invite.workspace_id, user };
  }

  private emitJoined(invite: InviteByToken, userId: string): void {
    this.deps.events.emit("membershipChanged", {
      workspaceId: invite.workspace_id,
      userId,
      role: invite.role as Role,
    });
  }
}
