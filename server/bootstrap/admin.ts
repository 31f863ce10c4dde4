import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/database";
import type { Logger } from "../logger";
import { findUserByEmail, insertUser, setAdmin } from "../modules/account/users.repo";

/**
 * Makes sure the configured administrator exists and is admin. An existing account keeps its
 * password: ADMIN_PASSWORD only sets the first one, so changing it in the app sticks.
 */
export async function ensureAdmin(
  db: Db,
  admin: { email: string; password: string },
  logger: Logger,
): Promise<void> {
  const email = admin.email.trim().toLowerCase();
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (existing.is_admin !== 1) {
      await setAdmin(db, existing.id);
      logger.info("bootstrap: existing account made administrator", { email });
    }
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
