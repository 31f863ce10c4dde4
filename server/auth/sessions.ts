import type { Db } from "../db/database";
import type { SessionUser } from "../http/app-env";
import { nowIso } from "../ids";
import { generateToken, hashToken } from "./session-token";

export const SESSION_COOKIE = "themawerk_session";
const DAY = 24 * 60 * 60 * 1000;
/** A session lives 30 days from its last use … */
export const SESSION_LIFETIME_MS = 30 * DAY;
/** … and is extended when less than half of that is left (sliding expiry). */
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export interface ValidatedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
  /** True when the expiry moved and the cookie should be sent again. */
  renewed: boolean;
}

/** Sessions in Lucia's design: the client holds a random token, the database only its SHA-256. */
export class SessionStore {
  constructor(private readonly db: Db) {}

  /** Creates a session and returns the token to put in the cookie (never stored). */
  async create(userId: string): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const token = generateToken();
    const sessionId = hashToken(token);
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    await this.db
      .insertInto("sessions")
      .values({ id: sessionId, user_id: userId, expires_at: expiresAt.toISOString(), created_at: nowIso() })
      .execute();
    return { token, sessionId, expiresAt };
  }

  /** Looks a token up; deletes it when expired; extends it when it is past half its life. */
  async validate(token: string): Promise<ValidatedSession | undefined> {
    if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
    const sessionId = hashToken(token);
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id as sessionId",
        "sessions.expires_at",
        "users.id",
        "users.email",
        "users.name",
        "users.locale",
        "users.is_admin",
      ])
      .where("sessions.id", "=", sessionId)
      .executeTakeFirst();
    if (!row) return undefined;
    let expiresAt = new Date(row.expires_at);
    const now = Date.now();
    if (expiresAt.getTime() <= now) {
      await this.invalidate(sessionId);
      return undefined;
    }
    let renewed = false;
    if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
      expiresAt = new Date(now + SESSION_LIFETIME_MS);
      await this.db
        .updateTable("sessions")
        .set({ expires_at: expiresAt.toISOString() })
        .where("id", "=", sessionId)
        .execute();
      renewed = true;
    }
    return {
      sessionId,
      expiresAt,
      renewed,
      user: { id: row.id, email: row.email, name: row.name, locale: row.locale, isAdmin: row.is_admin === 1 },
    };
  }

  async invalidate(sessionId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", sessionId).execute();
  }

  /** Ends every session of a user, except the one given (used after a password change). */
  async invalidateAllForUser(userId: string, exceptSessionId?: string): Promise<void> {
    let q = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (exceptSessionId) q = q.where("id", "!=", exceptSessionId);
    await q.execute();
  }
}
