import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Logger } from "../logger";
import { countUsers } from "../modules/account/users.repo";
import { ensureAdmin } from "./admin";
import { formatDemoAccounts, seedDemo } from "./demo";
import { type DemoSeeder, demoSeeders } from "./demo-seeders";

export interface BootstrapOptions {
  db: Db;
  config: Pick<Config, "admin" | "demo" | "publicUrl">;
  logger: Logger;
  /** Where the one-time demo passwords go (stdout in production). */
  announce: (text: string) => void;
  seeders?: readonly DemoSeeder[];
}

/**
 * Runs at every start, after migrations:
 * 1. the configured administrator exists (ADMIN_EMAIL/ADMIN_PASSWORD);
 * 2. unless DEMO=0, a database that had NO users before step 1 gets the demo workspace and accounts.
 * "Empty" is decided before the admin step on purpose: a first start with an admin configured still
 * gets the demo, while any later start (users exist) never seeds again, so passwords print only once.
 */
export async function runBootstrap(options: BootstrapOptions): Promise<void> {
  const { db, config, logger, announce } = options;
  const wasEmpty = (await countUsers(db)) === 0;
  if (config.admin) await ensureAdmin(db, config.admin, logger);
  if (config.demo && wasEmpty) {
    const accounts = await seedDemo(db, options.seeders ?? demoSeeders);
    logger.info("bootstrap: demo workspace created", { accounts: accounts.map((a) => a.email) });
    announce(formatDemoAccounts(accounts, config.publicUrl));
  }
}
