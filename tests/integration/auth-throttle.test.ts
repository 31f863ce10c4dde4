import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { insertUser } from "../../server/modules/account/users.repo";
import { startTestApp, type TestApp } from "../helpers/test-app";

// Counts every argon2 password verification the app runs (a known account's hash or the dummy one),
// so a test can tell how many guesses were really checked, not only what the answers said.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../server/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../server/auth/passwords")>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
    verifyAgainstDummy: (password: string) => {
      checks.count++;
      return real.verifyAgainstDummy(password);
    },
  };
});

const PASSWORD = "correct horse battery";
/** Free failures per account before it must wait (server/auth/login-throttle.ts). */
const ACCOUNT_LIMIT = 5;

async function addAccount(t: TestApp, email: string): Promise<string> {
  return insertUser(t.themawerk.database.db, {
    email,
    name: "Throttle Test",
    passwordHash: await hashPassword(PASSWORD),
  });
}
const login = (t: TestApp, email: string, password: string) =>
  t.request("/api/auth/login", { json: { email, password } });
const sessionCookie = (res: Response) =>
  /(themawerk_session=[a-z2-7]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
const passwordHash = async (t: TestApp, id: string) =>
  (
    await t.themawerk.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).password_hash;

/** The documented refusal: 429, {"error":{"code":"rate_limited",…}} and a Retry-After in seconds. */
async function expectRateLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  const body = await res.json();
  expect(body).toEqual({
    error: { code: "rate_limited", message: expect.stringMatching(/Try again in \d+ seconds/) },
  });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  checks.count = 0;
});

describe("a parallel burst of wrong passwords for one account", () => {
  it("checks no more guesses than the account limit; the rest are refused 429 without a check", async () => {
    await addAccount(t, "burst@example.test");
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(t, "burst@example.test", `wrong guess ${i}`)),
    );
    const statuses = burst.map((res) => res.status);
    const refused = burst.filter((res) => res.status === 429);
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_LIMIT);
    expect(refused).toHaveLength(30 - ACCOUNT_LIMIT);
    expect(checks.count).toBe(ACCOUNT_LIMIT);
    for (const res of refused) await expectRateLimited(res);
  });

  it("then refuses the right password while the account is locked, still without checking it", async () => {
    const res = await login(t, "burst@example.test", PASSWORD);
    await expectRateLimited(res);
    expect(sessionCookie(res)).toBeUndefined();
    expect(checks.count).toBe(0);
  });
});

describe("changing the password is throttled like a login (a stolen session guessing the current one)", () => {
  let userId: string;
  let cookie: string;
  beforeAll(async () => {
    userId = await addAccount(t, "stolen@example.test");
    const res = await login(t, "stolen@example.test", PASSWORD);
    expect(res.status).toBe(200);
    cookie = sessionCookie(res)!;
  });
  const change = (currentPassword: string, newPassword = "attacker's password") =>
    t.request("/api/me/password", { cookie, json: { currentPassword, newPassword } });

  it("checks the account limit's worth of guesses, then answers 429, even for the right current password", async () => {
    const before = await passwordHash(t, userId);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      const res = await change(`guess ${i}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_credentials");
    }
    expect(checks.count).toBe(ACCOUNT_LIMIT);
    await expectRateLimited(await change("one guess too many"));
    await expectRateLimited(await change(PASSWORD));
    expect(checks.count).toBe(ACCOUNT_LIMIT);
    expect(await passwordHash(t, userId)).toBe(before);
  });

  it("a parallel burst of guesses gets no more checks than that", async () => {
    await addAccount(t, "stolen2@example.test");
    const session = sessionCookie(await login(t, "stolen2@example.test", PASSWORD))!;
    checks.count = 0;
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.request("/api/me/password", {
          cookie: session,
          json: { currentPassword: `guess ${i}`, newPassword: "attacker's password" },
        }),
      ),
    );
    expect(burst.filter((res) => res.status === 400)).toHaveLength(ACCOUNT_LIMIT);
    expect(burst.filter((res) => res.status === 429)).toHaveLength(30 - ACCOUNT_LIMIT);
    expect(checks.count).toBe(ACCOUNT_LIMIT);
    // The guesses count for the account's logins too.
    await expectRateLimited(await login(t, "stolen2@example.test", PASSWORD));
  });
});

describe("the per-address limit slows guessing but never locks out a correct password", () => {
  // Everyone behind one reverse proxy (or NAT) shares an address; in-process requests all do too.
  let shared: TestApp;
  beforeAll(async () => {
    shared = await startTestApp();
    await addAccount(shared, "colleague@example.test");
  });
  afterAll(async () => {
    await shared.close();
  });

  it("after 30 wrong logins for various accounts, another account's correct password still logs in", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await login(shared, `sprayed${i}@example.test`, "Welkom2024!")).status).toBe(401);
    }
    // Over the limit, a wrong password is told to slow down …
    await expectRateLimited(await login(shared, "sprayed30@example.test", "Welkom2024!"));
    checks.count = 0;
    // … but the right password of an account that is not itself locked is checked and logs in.
    const res = await login(shared, "colleague@example.test", PASSWORD);
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toBeDefined();
    expect(checks.count).toBe(1);
  });

  it("a wrong password for that account from the slowed address answers 429 but does not lock it", async () => {
    await expectRateLimited(await login(shared, "colleague@example.test", "typo"));
    expect((await login(shared, "colleague@example.test", PASSWORD)).status).toBe(200);
  });
});
