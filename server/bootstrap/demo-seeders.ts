import type { Role } from "../../shared/roles";
import type { Db } from "../db/database";
import { seedDemoCases } from "./demo-cases";
import { seedFoundingDocument } from "./founding-document";

/** What a demo seeder gets: a transaction, the demo workspace and one demo user id per role. */
export interface DemoContext {
  /**
   * The open demo transaction. Kysely cannot nest transactions: code that may run here must not
   * call db.transaction() on it (check db.isTransaction and reuse it instead).
   */
  db: Db;
  workspaceId: string;
  users: Record<Role, string>;
}

/** Adds part of the demo content (documents, themes, lessons …) to the fresh demo workspace. */
export type DemoSeeder = (ctx: DemoContext) => Promise<void>;

/**
 * The registry of demo seeders, run in this order inside the demo transaction (a failing seeder
 * rolls the whole demo back and stops the start with its error). Append yours here.
 */
export const demoSeeders: DemoSeeder[] = [
  async (ctx) => {
    await seedFoundingDocument(ctx);
  },
  seedDemoCases,
];
