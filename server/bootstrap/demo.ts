import { type Role, roles } from "../../shared/roles";
import { hashPassword, randomPassword } from "../auth/passwords";
import type { Db } from "../db/database";
import { insertUser } from "../modules/account/users.repo";
import { insertMember } from "../modules/members/members.repo";
import { insertWorkspace } from "../modules/workspaces/workspaces.repo";
import type { DemoSeeder } from "./demo-seeders";

/** The demo workspace, after the founding case (shared/context: themawerking 2005 "lokale regiefunctie"). */
export const DEMO_WORKSPACE = {
  name: "Lokale regiefunctie — themawerking 2005",
  description:
    "Themawerking van het ESF-agentschap over de regierol van lokale besturen bij de uitbouw van de lokale " +
    "diensteneconomie. Promotoren, centrumsteden en kleinere gemeenten, de werkwinkel, experten, de " +
    "administratie, het kabinet, de sociale partners en de VVSG wisselen ervaringen uit, vergelijken wat " +
    "lukte (Gent, Heusden-Zolder) met wat moeilijk liep, verzamelen do's en don'ts, knelpunten en valkuilen, " +
    "werken een minimale haalbare regierol uit en bundelen alles in een handboek.",
  period: "september 2005 – eind 2006",
} as const;

const demoNames: Record<Role, string> = {
  facilitator: "Demo begeleider",
  editor: "Demo redacteur",
  commenter: "Demo expert",
  viewer: "Demo lezer",
};

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

/** The demo account email for a role, e.g. facilitator@demo.themawerk.local. */
export const demoEmail = (role: Role) => `${role}@demo.themawerk.local`;

/**
 * Creates the demo workspace, one account per role with a random password, and runs every demo
 * seeder — all in one transaction. Returns the accounts with their passwords, to be shown once.
 */
export async function seedDemo(db: Db, seeders: readonly DemoSeeder[]): Promise<DemoAccount[]> {
  const accounts = roles.map((role) => ({ role, email: demoEmail(role), password: randomPassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await db.transaction().execute(async (trx) => {
    const users = {} as Record<Role, string>;
    for (const [i, account] of accounts.entries()) {
      users[account.role] = await insertUser(trx, {
        email: account.email,
        name: demoNames[account.role],
        passwordHash: hashes[i],
      });
    }
    const workspaceId = await insertWorkspace(trx, DEMO_WORKSPACE, users.facilitator, "facilitator");
    const now = new Date().toISOString();
    for (const role of roles) {
      if (role !== "facilitator") await insertMember(trx, workspaceId, users[role], role, now);
    }
    for (const seed of seeders) await seed({ db: trx, workspaceId, users });
  });
  return accounts;
}

/** The block printed once at first start: who can log in with what. */
export function formatDemoAccounts(accounts: readonly DemoAccount[], publicUrl: string): string {
  const line = "=".repeat(78);
  const rows = accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(36)} ${a.password}`);
  return [
    "",
    line,
    ` Demo workspace created: "${DEMO_WORKSPACE.name}"`,
    ` Log in at ${publicUrl} with one of these accounts (role, email, password).`,
    " The passwords are shown only this once and are not stored in clear: note them now.",
    line,
    ...rows,
    line,
    "",
  ].join("\n");
}
