import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestStorage {
  /** Folder for the SQLite file and anything else the app writes. */
  dataDir: string;
  /** Set when the suite runs on PostgreSQL (TEST_DATABASE_URL): a fresh database for this run. */
  databaseUrl: string | undefined;
  /** Removes the folder and drops the PostgreSQL database. */
  cleanup(): Promise<void>;
}

/**
 * A fresh place to keep data: a temporary folder, plus a new PostgreSQL database when
 * TEST_DATABASE_URL is set (its database is only used to create and drop ours).
 */
export async function createTestStorage(
  /** The PostgreSQL server to create the database on; SQLite only when absent. */
  adminUrl: string | undefined = process.env.TEST_DATABASE_URL,
): Promise<TestStorage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-test-"));
  if (!adminUrl) {
    return {
      dataDir,
      databaseUrl: undefined,
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `themawerk_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    cleanup: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
