import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LoginThrottle } from "../../server/auth/login-throttle";
import { hashPassword } from "../../server/auth/passwords";
import { hashToken } from "../../server/auth/session-token";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { insertUser } from "../../server/modules/account/users.repo";
import { startTestApp, type TestApp } from "../helpers/test-app";

const PASSWORD = "correct horse battery";

/** The session token from a response's Set-Cookie, or undefined. */
function sessionToken(res: Response): string | undefined {
  const header = res.headers.get("set-cookie") ?? "";
  return new RegExp(`${SESSION_COOKIE}=([a-z2-7]+)`).exec(header)?.[1];
}
const cookieOf = (token: string) => `${SESSION_COOKIE}=${token}`;

async function addAccount(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  return insertUser(t.themawerk.database.db, {
    email,
    name: "Anna Account",
    passwordHash: await hashPassword(password),
  });
}

let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = await startTestApp();
  userId = await addAccount(t, "anna@example.test");
});
afterAll(async () => {
  await t.close();
});

async function login(email = "anna@example.test", password = PASSWORD, app = t): Promise<Response> {
  return app.request("/api/auth/login", { json: { email, password } });
}

describe("login", () => {
  it("answers the user and sets an HttpOnly, SameSite=Lax session cookie (not Secure on http)", async () => {
    const res = await login();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({
      id: userId,
      email: "anna@example.test",
      name: "Anna Account",
      locale: "nl",
      isAdmin: false,
      canCreateWorkspaces: false,
    });
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);
    const token = sessionToken(res);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const me = await t.request("/api/me", { cookie: cookieOf(token!) });
    expect(me.status).toBe(200);
    expect((await me.json()).user.id).toBe(userId);
  });

  it("accepts the email in any case and with surrounding spaces", async () => {
    const res = await login("  ANNA@Example.TEST ");
    expect(res.status).toBe(200);
  });

  it("gives the same answer for an unknown email and a wrong password, and sets no cookie", async () => {
    const wrong = await login("anna@example.test", "wrong password");
    const unknown = await login("nobody@example.test", PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.json();
    const b = await unknown.json();
    expect(a).toEqual(b);
    expect(a.error.code).toBe("invalid_credentials");
    expect(sessionToken(wrong)).toBeUndefined();
    expect(sessionToken(unknown)).toBeUndefined();
  });

  it("stores only the SHA-256 of the session token", async () => {
    const res = await login();
    const token = sessionToken(res)!;
    const rows = await t.themawerk.database.db.selectFrom("sessions").selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token);
    }
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
  });
});

describe("sessions", () => {
  it("answers 401 on /api/me without a session or with a made-up one", async () => {
    expect((await t.request("/api/me")).status).toBe(401);
    const res = await t.request("/api/me", { cookie: cookieOf("a".repeat(32)) });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("logout deletes the session row and the cookie stops working", async () => {
    const token = sessionToken(await login())!;
    const res = await t.request("/api/auth/logout", { method: "POST", cookie: cookieOf(token) });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    const row = await t.themawerk.database.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", hashToken(token))
      .executeTakeFirst();
    expect(row).toBeUndefined();
    expect((await t.request("/api/me", { cookie: cookieOf(token) })).status).toBe(401);
  });

  it("logout without a session is a harmless 204", async () => {
    expect((await t.request("/api/auth/logout", { method: "POST" })).status).toBe(204);
  });

  it("slides the expiry forward when a session is past half its life, and re-sends the cookie", async () => {
    const token = sessionToken(await login())!;
    const db = t.themawerk.database.db;
    const soon = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    await db.updateTable("sessions").set({ expires_at: soon }).where("id", "=", hashToken(token)).execute();
    const res = await t.request("/api/me", { cookie: cookieOf(token) });
    expect(res.status).toBe(200);
    expect(sessionToken(res)).toBe(token);
    const row = await db
      .selectFrom("sessions")
      .select("expires_at")
      .where("id", "=", hashToken(token))
      .executeTakeFirst();
    expect(new Date(row!.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it("does not re-send the cookie for a fresh session", async () => {
    const token = sessionToken(await login())!;
    const res = await t.request("/api/me", { cookie: cookieOf(token) });
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses and deletes an expired session", async () => {
    const token = sessionToken(await login())!;
    const db = t.themawerk.database.db;
    const past = new Date(Date.now() - 1000).toISOString();
    await db.updateTable("sessions").set({ expires_at: past }).where("id", "=", hashToken(token)).execute();
    expect((await t.request("/api/me", { cookie: cookieOf(token) })).status).toBe(401);
    const row = await db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", hashToken(token))
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

describe("origin check", () => {
  it("refuses login without an Origin or with a foreign one, and sets no cookie", async () => {
    for (const origin of ["", "https://evil.example"]) {
      const res = await t.request("/api/auth/login", {
        json: { email: "anna@example.test", password: PASSWORD },
        headers: { Origin: origin },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("origin_mismatch");
      expect(sessionToken(res)).toBeUndefined();
    }
  });

  it("refuses a cross-site logout: the session survives", async () => {
    const token = sessionToken(await login())!;
    const res = await t.request("/api/auth/logout", {
      method: "POST",
      cookie: cookieOf(token),
      headers: { Origin: "http://localhost:8081" },
    });
    expect(res.status).toBe(403);
    expect((await t.request("/api/me", { cookie: cookieOf(token) })).status).toBe(200);
  });
});

describe("Secure cookie behind https", () => {
  it("marks the session cookie Secure when PUBLIC_URL is https", async () => {
    const app = await startTestApp({ PUBLIC_URL: "https://themawerk.example.org" });
    try {
      await addAccount(app, "sec@example.test");
      const res = await login("sec@example.test", PASSWORD, app);
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
    }
  });
});

/** A clock the login throttle reads, moved by hand: no test sleeps through a wait. */
function manualClock(start = Date.parse("2026-01-05T09:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("login throttling", () => {
  // Each test gets an app of its own, so its throttle counts only that test's attempts.
  let app: TestApp | undefined;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    clock = manualClock();
    app = await startTestApp({}, { loginThrottle: new LoginThrottle({ now: clock.now }) });
    await addAccount(app, "target@example.test");
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  const attempt = (email: string, password: string) => login(email, password, app);

  /** Five wrong passwords for the account: the last one free before it is locked. */
  async function failFiveTimes() {
    for (let i = 0; i < 5; i++) {
      expect((await attempt("target@example.test", `guess ${i}`)).status).toBe(401);
    }
  }

  it("answers 429 with Retry-After after 5 failures for one account, even for the right password", async () => {
    await failFiveTimes();
    const limited = await attempt("target@example.test", "guess 6");
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect((await attempt("target@example.test", PASSWORD)).status).toBe(429);
  });

  it("after the wait the right password works again", async () => {
    await failFiveTimes();
    const limited = await attempt("target@example.test", PASSWORD);
    expect(limited.status).toBe(429);
    const retryAfterMs = Number(limited.headers.get("retry-after")) * 1000;
    clock.advance(retryAfterMs - 1);
    expect((await attempt("target@example.test", PASSWORD)).status).toBe(429);
    clock.advance(1);
    expect((await attempt("target@example.test", PASSWORD)).status).toBe(200);
    // The success cleared the account: a mistype now is an ordinary 401 again.
    expect((await attempt("target@example.test", "typo")).status).toBe(401);
  });

  it("limits one address to 30 failures per window, whatever the accounts", async () => {
    let status = 0;
    let i = 0;
    for (; i < 40 && status !== 429; i++) {
      status = (await attempt(`spray${i}@example.test`, "password1")).status;
    }
    expect(status).toBe(429);
    expect(i).toBe(31);
    // A new window starts 15 minutes after the first failure.
    clock.advance(15 * 60_000);
    expect((await attempt("spray-after@example.test", "password1")).status).toBe(401);
  });
});
