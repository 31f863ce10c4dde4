import { unauthorized } from "../errors";
import type { SessionUser } from "../http/app-env";

/** The signed-in user, or a 401 — the first check of every route that needs a session. */
export function requireUser(user: SessionUser | undefined): SessionUser {
  if (!user) throw unauthorized();
  return user;
}
