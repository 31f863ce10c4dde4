import type { LoginThrottle } from "../../auth/login-throttle";
import { verifyAgainstDummy, verifyPassword } from "../../auth/passwords";
import type { SessionStore } from "../../auth/sessions";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import { toSessionUser } from "../account/user.presenter";
import { findUserByEmail, type UserRow } from "../account/users.repo";
import { invalidCredentials } from "./auth.errors";
import { throttledPasswordCheck } from "./throttled-check";

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

  /** Checks email and password (throttled per account and client address) and opens a new session. */
  async login(email: string, password: string, ip: string): Promise<LoginResult> {
    const { db, sessions, throttle } = this.deps;
    let row: UserRow | undefined;
    const ok = await throttledPasswordCheck(throttle, email, ip, async () => {
      row = await findUserByEmail(db, email);
      // Unknown emails cost the same argon2 work as a wrong password, so timing does not tell them apart.
      return row ? verifyPassword(row.password_hash, password) : verifyAgainstDummy(password);
    });
    if (!row || !ok) throw invalidCredentials();
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
