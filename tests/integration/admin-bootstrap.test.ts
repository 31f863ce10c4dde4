import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import { composeThemawerk, type Themawerk } from "../../server/compose";
import { createLogger } from "../../server/logger";
import { demoEmail } from "../../server/bootstrap/demo";
import { freePort, spawnMain } from "../helpers/spawn-server";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

// ADMIN_EMAIL names the account the operator means to be administrator. When that email already
// belongs to someone who registered it (through an invitation), start-up must refuse rather than
// hand them the administrator role.

const logger = createLogger("silent");
const FIRST_ADMIN = { ADMIN_EMAIL: "beheer@example.test", ADMIN_PASSWORD: "first admin password" };
const PERSON = {
  name: "Iemand Anders",
  email: "ik.ben.de.baas@example.test",
  password: "person's own password",
};

const storages: TestStorage[] = [];
afterAll(async () => {
  for (const storage of storages) await storage.cleanup();
});

function configFor(storage: TestStorage, env: Record<string, string>) {
  return loadConfig({
    PORT: "8080",
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl,
    LOG_LEVEL: "silent",
    DEMO: "0",
    ...env,
  });
}
const start = (storage: TestStorage, env: Record<string, string> = {}) =>
  composeThemawerk(configFor(storage, env), logger, { announce: () => {} });

async function call(app: Themawerk, path: string, json?: unknown, cookie?: string) {
  const headers = new Headers({ Origin: "http://localhost:8080" });
  if (cookie) headers.set("Cookie", cookie);
  if (json !== undefined) headers.set("Content-Type", "application/json");
  const res = await app.app.request(path, {
    method: json === undefined ? "GET" : "POST",
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const cookieOut = /(themawerk_session=[a-z2-7]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  return { status: res.status, body: await res.json().catch(() => undefined), cookie: cookieOut };
}

/** A database where the first admin invited PERSON, who registered through the invitation. */
async function databaseWithInvitedPerson(): Promise<TestStorage> {
  const storage = await createTestStorage();
  storages.push(storage);
  const app = await start(storage, FIRST_ADMIN);
  try {
    const admin = await call(app, "/api/auth/login", {
      email: FIRST_ADMIN.ADMIN_EMAIL,
      password: FIRST_ADMIN.ADMIN_PASSWORD,
    });
    expect(admin.status).toBe(200);
    const ws = await call(app, "/api/workspaces", { name: "Werkgroep" }, admin.cookie);
    expect(ws.status).toBe(201);
    const invite = await call(
      app,
      `/api/workspaces/${ws.body.workspace.id}/invites`,
      { role: "viewer" },
      admin.cookie,
    );
    expect(invite.status).toBe(201);
    const joined = await call(app, `/api/invites/${invite.body.token}/accept`, PERSON);
    expect(joined.status).toBe(200);
    expect(joined.body.user.isAdmin).toBe(false);
  } finally {
    await app.close();
  }
  return storage;
}

async function userByEmail(storage: TestStorage, email: string) {
  const app = await start(storage);
  try {
    return await app.database.db
      .selectFrom("users")
      .select(["id", "is_admin", "password_hash"])
      .where("email", "=", email)
      .executeTakeFirst();
  } finally {
    await app.close();
  }
}

describe("ADMIN_EMAIL naming an account that was not created as the administrator", () => {
  it("refuses to start with one error naming ADMIN_EMAIL, and the account stays as it was", async () => {
    const storage = await databaseWithInvitedPerson();
    const before = await userByEmail(storage, PERSON.email);
    expect(before?.is_admin).toBe(0);

    const env = { ADMIN_EMAIL: PERSON.email.toUpperCase(), ADMIN_PASSWORD: "operator's new password" };
    const failure = await start(storage, env).then(
      async (app) => {
        await app.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/ADMIN_EMAIL/);
    expect(message).toContain(PERSON.email);
    expect(message).not.toContain("operator's new password");
    expect(message.split("\n")).toHaveLength(1);

    // Not promoted, and the person's own password is untouched.
    expect(await userByEmail(storage, PERSON.email)).toEqual(before);
    const app = await start(storage);
    try {
      const own = await call(app, "/api/auth/login", { email: PERSON.email, password: PERSON.password });
      expect(own.status).toBe(200);
      expect(own.body.user.isAdmin).toBe(false);
      const configured = await call(app, "/api/auth/login", {
        email: PERSON.email,
        password: "operator's new password",
      });
      expect(configured.status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it("the server process exits non-zero with one line saying why", async () => {
    const storage = await databaseWithInvitedPerson();
    const env: Record<string, string> = {
      DATA_DIR: storage.dataDir,
      DEMO: "0",
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      LOG_LEVEL: "info",
      ADMIN_EMAIL: PERSON.email,
      ADMIN_PASSWORD: "operator's new password",
    };
    if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
    const child = spawnMain(env);
    let output = "";
    const collect = (d: Buffer) => {
      output += d;
      // Started after all: stop it so the assertions below fail instead of the test hanging.
      if (output.includes("Themawerk is running")) child.kill("SIGKILL");
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(code, output).not.toBe(0);
    expect(output).not.toMatch(/Themawerk is running/);
    const lines = output.trim().split("\n");
    const about = lines.filter((line) => line.includes("ADMIN_EMAIL"));
    expect(about, output).toHaveLength(1);
    expect(about[0]).toContain(PERSON.email);
    expect(output).not.toContain("operator's new password");
    expect((await userByEmail(storage, PERSON.email))?.is_admin).toBe(0);
  });
});

describe("the administrator the bootstrap created", () => {
  it("stays administrator at every start, keeping the password changed in the app", async () => {
    const storage = await createTestStorage();
    storages.push(storage);
    await (await start(storage, FIRST_ADMIN)).close();
    const again = await start(storage, { ...FIRST_ADMIN, ADMIN_PASSWORD: "another password" });
    try {
      const res = await call(again, "/api/auth/login", {
        email: FIRST_ADMIN.ADMIN_EMAIL,
        password: FIRST_ADMIN.ADMIN_PASSWORD,
      });
      expect(res.status).toBe(200);
      expect(res.body.user.isAdmin).toBe(true);
    } finally {
      await again.close();
    }
  });

  it("a demo account named as ADMIN_EMAIL later is refused too", async () => {
    const storage = await createTestStorage();
    storages.push(storage);
    await (await start(storage, { DEMO: "1" })).close();
    const email = demoEmail("facilitator");
    await expect(start(storage, { ADMIN_EMAIL: email, ADMIN_PASSWORD: "operator password" })).rejects.toThrow(
      /ADMIN_EMAIL/,
    );
    expect((await userByEmail(storage, email))?.is_admin).toBe(0);
  });
});
