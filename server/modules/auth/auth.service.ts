import type { LoginThrottle } from "../../auth/login-throttle";
import { verifyAgainstDummy, verifyPassword } from "../../auth/passwords";
import type { SessionStore } from "../../auth/sessions";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import { toSessionUser } from "../account/user.presenter";
import { findUserByEmail } from "../account/users.repo";
import { invalidCredentials, rateLimited } from "./auth.errors";

export interface AuthServiceDeps {
  db: Db;
  sessions: SessionStore;
  throttle: LoginThrottle;
  events: DomainEventBus;
}

export interface LoginResult {
  user: SessionUser;
  token: string;
  expiresAt: Date;
}

/** Logging in and out. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /** Checks email and password (throttled per account and IP) and opens a new session. */
  async login(email: string, password: string, ip: string): Promise<LoginResult> {
    const { db, sessions, throttle } = this.deps;
    const wait = throttle.retryAfterSeconds(email, ip);
    if (wait > 0) throw rateLimited(wait);
    throttle.recordFailure(email, ip);
    const row = await findUserByEmail(db, email);
    // Unknown emails cost the same argon2 work as a wrong password, so timing does not tell them apart.
    const ok = row ? await verifyPassword(row.password_hash, password) : await verifyAgainstDummy(password);
    if (!row || !ok) throw invalidCredentials();
    throttle.recordSuccess(email, ip);
    const session = await sessions.create(row.id);
    return { user: toSessionUser(row), token: session.token, expiresAt: session.expiresAt };
  }

  /** Deletes the session (not just the cookie) and tells listeners such as open sockets. */
  async logout(user: SessionUser | undefined, sessionId: string | undefined): Promise<void> {
    if (!user || !sessionId) return;
    await this.deps.sessions.invalidate(sessionId);
    this.deps.events.emit("sessionsEnded", { userId: user.id, sessionId });
  }
}
