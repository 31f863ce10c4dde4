import type { Db } from "../../db/database";
import { newId, nowIso } from "../../ids";

/** Rows of the users table, read and written only here. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  is_admin: number;
}

const columns = ["id", "email", "name", "password_hash", "locale", "is_admin"] as const;

/** Finds a user by (already normalised, lowercase) email. */
export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").select(columns).where("email", "=", email).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").select(columns).where("id", "=", id).executeTakeFirst();
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  locale?: "nl" | "en";
  isAdmin?: boolean;
}

/** Inserts a user and returns its id. The unique email constraint is the final guard against duplicates. */
export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("users")
    .values({
      id,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      locale: user.locale ?? "nl",
      is_admin: user.isAdmin ? 1 : 0,
      // Only the bootstrap creates administrators, so an account created as admin is the configured one.
      created_as_admin: user.isAdmin ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateProfile(
  db: Db,
  id: string,
  change: { name?: string; locale?: string },
): Promise<void> {
  if (change.name === undefined && change.locale === undefined) return;
  await db
    .updateTable("users")
    .set({ ...change, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

export async function updatePasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

/** True when the account was created as administrator by the start-up bootstrap. */
export async function wasCreatedAsAdmin(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("created_as_admin").where("id", "=", id).executeTakeFirst();
  return row?.created_as_admin === 1;
}

export async function setAdmin(db: Db, id: string): Promise<void> {
  await db.updateTable("users").set({ is_admin: 1, updated_at: nowIso() }).where("id", "=", id).execute();
}

/** True when the user is facilitator of at least one workspace. */
export async function isFacilitatorAnywhere(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("role", "=", "facilitator")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
