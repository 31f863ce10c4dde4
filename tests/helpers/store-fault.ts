import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { DatabaseHandle } from "../../server/db/database";

/**
 * Real ways for the document store to fail, switched on and off by a test: the store itself is
 * never replaced. `start()` makes appends to the update log fail, `stop()` lets them work again.
 */
export interface StoreFault {
  /** What fails, for test names and messages. */
  readonly kind: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A trigger that raises on every insert into document_updates while a row sits in
 * test_store_faults — a failing PostgreSQL (or SQLite) insert, as a constraint or a full
 * tablespace would raise it.
 */
export async function raisingTrigger(database: DatabaseHandle): Promise<StoreFault> {
  const db = database.db;
  await sql`CREATE TABLE IF NOT EXISTS test_store_faults (active INTEGER)`.execute(db);
  if (database.dialect === "postgres") {
    await sql`CREATE OR REPLACE FUNCTION test_fail_appends() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_store_faults) THEN RAISE EXCEPTION 'injected store failure'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`DROP TRIGGER IF EXISTS test_fail_appends ON document_updates`.execute(db);
    await sql`CREATE TRIGGER test_fail_appends BEFORE INSERT ON document_updates
      FOR EACH ROW EXECUTE FUNCTION test_fail_appends()`.execute(db);
  } else {
    await sql`CREATE TRIGGER IF NOT EXISTS test_fail_appends BEFORE INSERT ON document_updates
      WHEN EXISTS (SELECT 1 FROM test_store_faults)
      BEGIN SELECT RAISE(ABORT, 'injected store failure'); END`.execute(db);
  }
  return {
    kind: `a ${database.dialect === "postgres" ? "PostgreSQL" : "SQLite"} trigger that raises`,
    start: async () => {
      await sql`INSERT INTO test_store_faults (active) VALUES (1)`.execute(db);
    },
    stop: async () => {
      await sql`DELETE FROM test_store_faults`.execute(db);
    },
  };
}

/** A small tmpfs for a SQLite data folder, or undefined when this process may not mount one. */
export function mountSmallFilesystem(megabytes = 48): { dir: string; unmount(): void } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-fulldisk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount() {
      try {
        execFileSync("umount", ["-l", dir], { stdio: "ignore" });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A SQLite file on a filesystem that fills up: `start()` writes a filler file until the disk is
 * full (after truncating the WAL, so the next commit has to grow it), `stop()` deletes the filler.
 */
export function fullDisk(database: DatabaseHandle, dir: string): StoreFault {
  const filler = path.join(dir, "filler.bin");
  return {
    kind: "a SQLite file on a full filesystem",
    start: async () => {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
      const fd = fs.openSync(filler, "w");
      const chunk = Buffer.alloc(256 * 1024, 7);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      }
      // The last bytes: a partial chunk may still fit.
      try {
        for (;;) fs.writeSync(fd, chunk.subarray(0, 512));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      } finally {
        fs.closeSync(fd);
      }
    },
    stop: async () => {
      fs.rmSync(filler, { force: true });
    },
  };
}
