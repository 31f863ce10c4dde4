import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/database";
import type { Logger } from "../logger";
import { findUserByEmail, insertUser, setAdmin, wasCreatedAsAdmin } from "../modules/account/users.repo";

/** Start-up refuses: ADMIN_EMAIL names an account that somebody else registered. */
export class AdminEmailTakenError extends Error {
  override name = "AdminEmailTakenError";
  constructor(email: string) {
    super(
      `ADMIN_EMAIL ${email} belongs to an existing account that was not created as the administrator; ` +
        "refusing to make it administrator. Set ADMIN_EMAIL to an address without an account (or to the " +
        "administrator's), or leave ADMIN_EMAIL and ADMIN_PASSWORD unset.",
    );
  }
}

/**
 * Makes sure the configured administrator exists and is admin. An existing account keeps its
 * password: ADMIN_PASSWORD only sets the first one, so changing it in the app sticks. An existing
 * account is accepted only when it is admin already or was created as the administrator here:
 * anyone can register an email through an invitation, and that must never make them admin.
 */
export async function ensureAdmin(
  db: Db,
  admin: { email: string; password: string },
  logger: Logger,
): Promise<void> {
  const email = admin.email.trim().toLowerCase();
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (existing.is_admin === 1) return;
    if (!(await wasCreatedAsAdmin(db, existing.id))) throw new AdminEmailTakenError(email);
    await setAdmin(db, existing.id);
    logger.info("bootstrap: administrator role restored", { email });
    return;
  }
  await insertUser(db, {
    email,
    name: "Beheerder",
    passwordHash: await hashPassword(admin.password),
    isAdmin: true,
  });
  logger.info("bootstrap: administrator account created", { email });
}
