import { setTimeout as sleep } from "node:timers/promises";
import type { LoginThrottle } from "../../auth/login-throttle";
import { rateLimited } from "./auth.errors";

/**
 * Runs one password check (a login, or the current password at a password change) under the login
 * throttle: refused with 429 before any argon2 work when the account is locked or the address's
 * queue is full; held for the slowed address's turn; counted as failed before the check, taken back
 * when it matched. False for a wrong password — or 429 when the address is being slowed down.
 */
export async function throttledPasswordCheck(
  throttle: LoginThrottle,
  account: string,
  ip: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const attempt = await throttle.begin(account, ip);
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);
  if (attempt.waitMs > 0) await sleep(attempt.waitMs);
  if (await check()) {
    await throttle.recordSuccess(account, ip);
    return true;
  }
  if (attempt.slowed) throw rateLimited(attempt.retryAfterSeconds);
  return false;
}
