import type { User } from "../../../shared/schemas/auth";
import type { Db } from "../../db/database";
import type { SessionUser } from "../../http/app-env";
import { isFacilitatorAnywhere } from "./users.repo";

/** The signed-in user as the API shows it; field by field, never a raw row. */
export function presentUser(user: SessionUser, canCreateWorkspaces: boolean): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === "en" ? "en" : "nl",
    isAdmin: user.isAdmin,
    canCreateWorkspaces,
  };
}

/** Admins and facilitators of at least one workspace may create workspaces. */
export async function mayCreateWorkspaces(db: Db, user: SessionUser): Promise<boolean> {
  return user.isAdmin || (await isFacilitatorAnywhere(db, user.id));
}

/** Presents a user, looking up what only the database knows (may they create workspaces). */
export async function userView(db: Db, user: SessionUser): Promise<User> {
  return presentUser(user, await mayCreateWorkspaces(db, user));
}

/** The session-shaped view of a users row. */
export function toSessionUser(row: {
  id: string;
  email: string;
  name: string;
  locale: string;
  is_admin: number;
}): SessionUser {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, isAdmin: row.is_admin === 1 };
}
