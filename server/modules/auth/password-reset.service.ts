import { randomBytes } from "node:crypto";
import { AttemptLimiter } from "../../auth/attempt-limiter";
import type { CounterStore } from "../../auth/counter-store";
import { hashPassword } from "../../auth/passwords";
import { hashToken } from "../../auth/session-token";
import type { SessionStore } from "../../auth/sessions";
import type { Db } from "../../db/database";
import { AppError } from "../../errors";
import type { DomainEventBus } from "../../events";
import type { Logger } from "../../logger";
import type { OutgoingMail } from "../../mail/mail-outbox";
import { passwordResetMail } from "../../mail/password-reset-mail";
import { findUserByEmail } from "../account/users.repo";
import { rateLimited } from "./auth.errors";

/** A reset link is valid this long. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Where reset mails go: the outbox when email is on. */
export interface ResetMail {
  readonly enabled: boolean;
  queue(db: Db, mail: OutgoingMail): Promise<unknown>;
  /** Sends what was queued now rather than at the next poll. */
  nudge(): void;
}

export interface PasswordResetDeps {
  db: Db;
  sessions: SessionStore;
  events: DomainEventBus;
  mail: ResetMail;
  publicUrl: string;
  counters: CounterStore;
  logger: Logger;
  now?: () => number;
}

/** The link in a reset mail: the token rides in the fragment, so it never reaches a server log or a Referer. */
export const resetLink = (publicUrl: string, token: string) =>
  `${publicUrl}/wachtwoord-herstellen#token=${token}`;

export const linkGone = () =>
  new AppError(410, "gone", "This reset link is no longer valid: it was used, or it is older than an hour.");

/**
 * "Wachtwoord vergeten?": a single-use link valid for an hour, its token stored only as a SHA-256,
 * asked for with the same answer whether or not the address has an account, throttled per address
 * and per client address (counted either way, so the throttle tells nothing either). Using it sets
 * the password and ends every session of the account.
 */
export class PasswordResetService {
  private readonly byAddress: AttemptLimiter;
  private readonly byClient: AttemptLimiter;
  private readonly confirmsByClient: AttemptLimiter;
  private readonly now: () => number;

  constructor(private readonly deps: PasswordResetDeps) {
    this.now = deps.now ?? (() => Date.now());
    const common = { windowMs: FIFTEEN_MINUTES, store: deps.counters, now: this.now };
    this.byAddress = new AttemptLimiter({ ...common, name: "reset-address", limit: 3 });
    this.byClient = new AttemptLimiter({ ...common, name: "reset-client", limit: 20 });
    // Guessing a 256-bit token is hopeless; the limit keeps password hashing from being free to ask for.
    this.confirmsByClient = new AttemptLimiter({ ...common, name: "reset-confirm-client", limit: 30 });
  }

  /** Sends a reset mail when the address has an account and email is on; the same outcome to the caller either way. */
  async request(email: string, ip: string): Promise<void> {
    const address = email.trim().toLowerCase();
    const wait = await AttemptLimiter.attemptEach([
      [this.byAddress, address],
      [this.byClient, ip],
    ]);
    if (wait > 0) throw rateLimited(wait);
    const user = await findUserByEmail(this.deps.db, address);
    if (!user || !this.deps.mail.enabled) return;
    await this.deps.db.transaction().execute(async (trx) => {
      const token = await issueResetToken(trx, user.id, this.now());
      await this.deps.mail.queue(
        trx,
        passwordResetMail(
          { email: user.email, name: user.name, locale: user.locale },
          resetLink(this.deps.publicUrl, token),
        ),
      );
    });
    this.deps.mail.nudge();
  }

  /** Sets the new password with a valid token and ends every session of the account; the token is spent. */
  async confirm(token: string, newPassword: string, ip: string): Promise<void> {
    const wait = await AttemptLimiter.attemptEach([[this.confirmsByClient, ip]]);
    if (wait > 0) throw rateLimited(wait);
    const now = new Date(this.now()).toISOString();
    // Looked up before the (deliberately slow) hash: a made-up token costs one indexed read.
    const known = await this.deps.db
      .selectFrom("password_resets")
      .select(["expires_at", "used_at"])
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!known || known.used_at !== null || known.expires_at <= now) throw linkGone();
    const passwordHash = await hashPassword(newPassword);
    const userId = await this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("password_resets")
        .select(["user_id", "expires_at", "used_at"])
        .where("token_hash", "=", hashToken(token))
        .executeTakeFirst();
      if (!row || row.used_at !== null || row.expires_at <= now) throw linkGone();
      // Spent in the same step as the check: two requests with one token cannot both pass.
      const spent = await trx
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("token_hash", "=", hashToken(token))
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw linkGone();
      // Every other link of the account goes too: the new password is what counts now.
      await trx
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("user_id", "=", row.user_id)
        .where("used_at", "is", null)
        .execute();
      await trx
        .updateTable("users")
        .set({ password_hash: passwordHash, updated_at: now })
        .where("id", "=", row.user_id)
        .execute();
      await trx.deleteFrom("sessions").where("user_id", "=", row.user_id).execute();
      return row.user_id;
    });
    this.deps.events.emit("sessionsEnded", { userId });
    this.deps.logger.info("password reset used", { userId });
  }
}

/** A one-time link for the account with this address (the operator command, when email is off); undefined for an unknown address. */
export async function resetLinkFor(db: Db, publicUrl: string, email: string): Promise<string | undefined> {
  const user = await findUserByEmail(db, email.trim().toLowerCase());
  if (!user) return undefined;
  return resetLink(publicUrl, await issueResetToken(db, user.id, Date.now()));
}

/** A new reset token for the account: 32 random bytes; only its SHA-256 is stored, valid for an hour. */
async function issueResetToken(db: Db, userId: string, now: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("password_resets")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + RESET_LINK_LIFETIME_MS).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}
