import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../shared/roles";
import { runBootstrap } from "../../server/bootstrap/bootstrap";
import { DEMO_WORKSPACE, demoEmail } from "../../server/bootstrap/demo";
import type { DemoContext } from "../../server/bootstrap/demo-seeders";
import { loadConfig } from "../../server/config";
import { composeThemawerk, type Themawerk } from "../../server/compose";
import { createLogger } from "../../server/logger";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

const logger = createLogger("silent");
const ADMIN = { ADMIN_EMAIL: "Beheer@Example.test", ADMIN_PASSWORD: "first admin password" };

/** Starts the app on given storage, capturing what it prints for people. */
async function start(storage: TestStorage, env: Record<string, string>) {
  const printed: string[] = [];
  const config = loadConfig({
    PORT: "8080",
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl,
    LOG_LEVEL: "silent",
    ...env,
  });
  const app = await composeThemawerk(config, logger, { announce: (text) => printed.push(text) });
  return { app, printed, config };
}

function request(app: Themawerk, path: string, json?: unknown, cookie?: string) {
  const headers = new Headers({ Origin: "http://localhost:8080" });
  if (cookie) headers.set("Cookie", cookie);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  return app.app.request(path, {
    method: json === undefined ? "GET" : "POST",
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
}
const login = (app: Themawerk, email: string, password: string) =>
  request(app, "/api/auth/login", { email, password });
const cookieFrom = (res: Response) =>
  /(themawerk_session=[a-z2-7]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];

describe("first start on an empty database, with an administrator and the demo", () => {
  let storage: TestStorage;
  let printed: string[];
  let app: Themawerk;
  beforeAll(async () => {
    storage = await createTestStorage();
    ({ app, printed } = await start(storage, { ...ADMIN, DEMO: "1" }));
  });
  afterAll(async () => {
    await app?.close();
    await storage.cleanup();
  });

  it("creates the administrator, who may create workspaces", async () => {
    const res = await login(app, "beheer@example.test", ADMIN.ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ isAdmin: true, canCreateWorkspaces: true });
    const created = await request(app, "/api/workspaces", { name: "Van de beheerder" }, cookieFrom(res));
    expect(created.status).toBe(201);
  });

  it("prints one block with a random password per demo role, and those passwords work", async () => {
    expect(printed).toHaveLength(1);
    const block = printed[0];
    const roles: Role[] = ["facilitator", "editor", "commenter", "viewer"];
    const passwords = new Set<string>();
    for (const role of roles) {
      const match = new RegExp(`${role}\\s+(${demoEmail(role).replace(/\./g, "\\.")})\\s+(\\S+)`).exec(block);
      expect(match, `line for ${role}`).not.toBeNull();
      const password = match![2];
      expect(password.length).toBeGreaterThanOrEqual(16);
      passwords.add(password);
      const res = await login(app, demoEmail(role), password);
      expect(res.status).toBe(200);
      const { workspaces } = await (await request(app, "/api/workspaces", undefined, cookieFrom(res))).json();
      expect(workspaces).toEqual([
        expect.objectContaining({ name: DEMO_WORKSPACE.name, period: DEMO_WORKSPACE.period, role }),
      ]);
    }
    expect(passwords.size).toBe(4);
    // Only hashes are stored: no printed password appears in the users table.
    const users = await app.database.db.selectFrom("users").select("password_hash").execute();
    for (const u of users) {
      expect(u.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      for (const p of passwords) expect(u.password_hash).not.toContain(p);
    }
  });

  it("a restart seeds nothing, prints nothing and keeps a changed admin password", async () => {
    await app.close();
    const again = await start(storage, { ...ADMIN, ADMIN_PASSWORD: "a different password", DEMO: "1" });
    app = again.app;
    expect(again.printed).toEqual([]);
    const workspaces = await app.database.db.selectFrom("workspaces").select("name").execute();
    expect(workspaces.filter((x) => x.name === DEMO_WORKSPACE.name)).toHaveLength(1);
    expect((await login(app, "beheer@example.test", "a different password")).status).toBe(401);
    expect((await login(app, "beheer@example.test", ADMIN.ADMIN_PASSWORD)).status).toBe(200);
  });
});

describe("DEMO=0 and later admins", () => {
  it("creates no demo with DEMO=0; an existing account named as admin becomes admin, keeping its password", async () => {
    const storage = await createTestStorage();
    try {
      const first = await start(storage, { DEMO: "0" });
      expect(first.printed).toEqual([]);
      expect(await first.app.database.db.selectFrom("workspaces").select("id").execute()).toEqual([]);
      // Someone with an account already (made by the first admin start, password P1).
      await first.app.close();
      const second = await start(storage, {
        DEMO: "0",
        ADMIN_EMAIL: "p@example.test",
        ADMIN_PASSWORD: "password P1",
      });
      await second.app.database.db.updateTable("users").set({ is_admin: 0 }).execute();
      await second.app.close();
      // DEMO=1 on a database that already has users: still no demo.
      const third = await start(storage, {
        DEMO: "1",
        ADMIN_EMAIL: "p@example.test",
        ADMIN_PASSWORD: "password P2",
      });
      expect(third.printed).toEqual([]);
      const res = await login(third.app, "p@example.test", "password P1");
      expect(res.status).toBe(200);
      expect((await res.json()).user.isAdmin).toBe(true);
      expect(await third.app.database.db.selectFrom("workspaces").select("id").execute()).toEqual([]);
      await third.app.close();
    } finally {
      await storage.cleanup();
    }
  });
});

describe("demo seeders", () => {
  let storage: TestStorage;
  let app: Themawerk;
  beforeAll(async () => {
    storage = await createTestStorage();
    ({ app } = await start(storage, { DEMO: "0" }));
  });
  afterAll(async () => {
    await app.close();
    await storage.cleanup();
  });
  const config = { admin: undefined, demo: true, publicUrl: "http://localhost:8080" };

  it("rolls the whole demo back when a seeder fails, and prints nothing", async () => {
    const printed: string[] = [];
    const failing = async () => {
      throw new Error("seeder broke");
    };
    await expect(
      runBootstrap({
        db: app.database.db,
        config,
        logger,
        announce: (x) => printed.push(x),
        seeders: [failing],
      }),
    ).rejects.toThrow("seeder broke");
    expect(printed).toEqual([]);
    expect(await app.database.db.selectFrom("users").select("id").execute()).toEqual([]);
    expect(await app.database.db.selectFrom("workspaces").select("id").execute()).toEqual([]);
  });

  it("runs each registered seeder in order with the demo workspace and one user per role", async () => {
    const seen: Array<{ n: number; ctx: DemoContext }> = [];
    const seeders = [1, 2].map((n) => async (ctx: DemoContext) => {
      seen.push({ n, ctx });
      await ctx.db
        .updateTable("workspaces")
        .set({ description: `seeded ${n}` })
        .where("id", "=", ctx.workspaceId)
        .execute();
    });
    await runBootstrap({ db: app.database.db, config, logger, announce: () => {}, seeders });
    expect(seen.map((s) => s.n)).toEqual([1, 2]);
    const { workspaceId, users } = seen[0].ctx;
    const ws = await app.database.db
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    expect(ws.name).toBe(DEMO_WORKSPACE.name);
    expect(ws.description).toBe("seeded 2");
    const memberships = await app.database.db
      .selectFrom("memberships")
      .select(["user_id", "role"])
      .where("workspace_id", "=", workspaceId)
      .execute();
    expect(Object.fromEntries(memberships.map((m) => [m.role, m.user_id]))).toEqual(users);
  });
});
