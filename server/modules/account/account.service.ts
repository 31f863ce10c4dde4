import type { LoginThrottle } from "../../auth/login-throttle";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { SessionStore } from "../../auth/sessions";
import type { Db } from "../../db/database";
import { AppError } from "../../errors";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import { throttledPasswordCheck } from "../auth/throttled-check";
import { findUserById, updatePasswordHash, updateProfile } from "./users.repo";

export interface AccountServiceDeps {
  db: Db;
  sessions: SessionStore;
  throttle: LoginThrottle;
  events: DomainEventBus;
}

/** The signed-in person's own account: name, language, password. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** Changes name and/or language and returns the updated session user. */
  async updateProfile(
    user: SessionUser,
    change: { name?: string; locale?: "nl" | "en" },
  ): Promise<SessionUser> {
    await updateProfile(this.deps.db, user.id, change);
    return { ...user, ...change };
  }

  /**
   * Replaces the password after checking the current one (throttled like a login, since it is a
   * password guess too) and ends every other session of the user.
   */
  async changePassword(
    user: SessionUser,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const { db, sessions, throttle, events } = this.deps;
    const matches = await throttledPasswordCheck(throttle, user.email, ip, async () => {
      const row = await findUserById(db, user.id);
      return row ? verifyPassword(row.password_hash, currentPassword) : false;
    });
    if (!matches) {
      throw new AppError(
        400,
        "invalid_credentials",
        "currentPassword: the current password is not correct.",
        {
          field: "currentPassword",
        },
      );
    }
    await updatePasswordHash(db, user.id, await hashPassword(newPassword));
    await sessions.invalidateAllForUser(user.id, sessionId);
    events.emit("sessionsEnded", { userId: user.id, exceptSessionId: sessionId });
  }
}
