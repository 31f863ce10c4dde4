import { sql } from "kysely";
import type { Db } from "../db/database";

/** Advisory-lock keys of work only one instance at a time may do (the log fold uses 7301 with a document's hash). */
export const LOCK_KEYS = { versionSweep: 7302, bootstrap: 7303 } as const;

/**
 * Runs `work` only while this instance holds the PostgreSQL advisory lock `key` (scale-out mode):
 * another instance doing the same work meanwhile makes this call skip it (undefined). The lock is
 * held on one reserved connection for the duration, and released even when the work fails.
 */
export function exclusively(db: Db, key: number) {
  return <T>(work: () => Promise<T>): Promise<T | undefined> =>
    db.connection().execute(async (conn) => {
      const lock = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(
        conn,
      );
      if (!lock.rows[0]?.locked) return undefined;
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(conn);
      }
    });
}

/**
 * Runs `work` while this instance holds the PostgreSQL advisory lock `key`, waiting for another
 * instance that holds it to finish first: work that every instance must do, but one after another
 * (the first-start bootstrap, which decides from what the database holds whether to seed).
 */
export function oneAtATime(db: Db, key: number) {
  return <T>(work: () => Promise<T>): Promise<T> =>
    db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${key})`.execute(conn);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(conn);
      }
    });
}
