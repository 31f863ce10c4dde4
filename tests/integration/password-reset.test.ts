import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { hashToken } from "../../server/auth/session-token";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { insertUser } from "../../server/modules/account/users.repo";
import type { ApiAnswer } from "../helpers/api-client";
import {
  FAST_OUTBOX,
  mailEnvFor,
  type ReceivedMail,
  type SmtpSink,
  startSmtpSink,
} from "../helpers/smtp-sink";
import { projectRoot } from "../helpers/spawn-server";
import { startTestServer, type TestServer } from "../helpers/test-server";

const PASSWORD = "correct horse battery";
/** Requests per address per 15 minutes before 429 (server/modules/auth/password-reset.service.ts). */
const ADDRESS_LIMIT = 3;
/** Requests per client address per 15 minutes before 429 (same file). */
const CLIENT_LIMIT = 20;

type Answer = ApiAnswer & { headers: Headers };

/** A JSON call over HTTP with the app's Origin; no session unless a cookie is given. */
async function call(server: TestServer, path: string, json?: unknown, cookie?: string): Promise<Answer> {
  const headers = new Headers({ Origin: server.url });
  if (json !== undefined) headers.set("Content-Type", "application/json");
  if (cookie) headers.set("Cookie", cookie);
  const res = await fetch(`${server.url}${path}`, {
    method: json === undefined ? "GET" : "POST",
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

const requestReset = (server: TestServer, email: string) =>
  call(server, "/api/auth/password-reset", { email });
const confirmReset = (server: TestServer, token: string, newPassword: string) =>
  call(server, "/api/auth/password-reset/confirm", { token, newPassword });

async function login(server: TestServer, email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const token = new RegExp(`${SESSION_COOKIE}=([a-z2-7]+)`).exec(res.headers.get("set-cookie") ?? "")?.[1];
  return { status: res.status, cookie: token ? `${SESSION_COOKIE}=${token}` : undefined };
}

async function addAccount(server: TestServer, email: string, locale: "nl" | "en" = "nl", name = "Anna") {
  return insertUser(server.themawerk.database.db, {
    email,
    name,
    locale,
    passwordHash: await hashPassword(PASSWORD),
  });
}

/** The token of the reset link in a mail's plain text. */
function tokenIn(mail: ReceivedMail, url: string): string {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}/wachtwoord-herstellen#token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no reset link in the mail:\n${mail.text}`);
  return match[1];
}

const outboxRowsTo = (server: TestServer, address: string) =>
  server.themawerk.database.db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .execute();

let sink: SmtpSink;
let server: TestServer;
beforeAll(async () => {
  sink = await startSmtpSink();
  // One app for most tests: together they stay under the CLIENT_LIMIT requests it allows from 127.0.0.1.
  server = await startTestServer(mailEnvFor(sink), { mailSettings: FAST_OUTBOX });
});
afterAll(async () => {
  await server?.close();
  await sink?.stop();
});

describe("password reset with email on", () => {
  it("says email is on", async () => {
    const res = await call(server, "/api/auth/mail");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enabled: true });
  });

  it("mails a Dutch link that sets a new password, ends every session of the account and is spent", async () => {
    const email = "anna.flow@example.test";
    const userId = await addAccount(server, email);
    const other = "otto.flow@example.test";
    await addAccount(server, other, "nl", "Otto");
    const first = await login(server, email, PASSWORD);
    const second = await login(server, email, PASSWORD);
    const otherSession = await login(server, other, PASSWORD);
    for (const session of [first, second, otherSession]) {
      expect((await call(server, "/api/me", undefined, session.cookie)).status).toBe(200);
    }

    const res = await requestReset(server, "  Anna.Flow@Example.TEST ");
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sent: true });

    const [mail] = await sink.waitFor(email, 1);
    expect(sink.mails.filter((m) => m.to.includes(email))).toHaveLength(1);
    const rows = await outboxRowsTo(server, email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe("password_reset");
    expect(mail.messageId).toBe(`<${rows[0]?.id}@127.0.0.1>`);
    expect(mail.raw.from?.value).toEqual([{ name: "Themawerk", address: "noreply@themawerk.test" }]);
    expect(mail.from).toBe("noreply@themawerk.test");
    expect(mail.subject).toMatch(/wachtwoord/i);
    expect(mail.text).toContain("Dag Anna,");
    expect(mail.html).toContain('<html lang="nl">');
    const token = tokenIn(mail, server.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const link = `${server.url}/wachtwoord-herstellen#token=${token}`;
    expect(mail.html).toContain(`href="${link}"`);

    // Only the SHA-256 of the token is kept.
    const resets = await server.themawerk.database.db.selectFrom("password_resets").selectAll().execute();
    expect(JSON.stringify(resets)).not.toContain(token);
    const mine = resets.find((r) => r.token_hash === hashToken(token));
    expect(mine).toMatchObject({ user_id: userId, used_at: null });
    // Nor does the outbox keep the link once the relay has the mail.
    await expect
      .poll(async () => (await outboxRowsTo(server, email))[0]?.sent_at ?? null, { timeout: 5_000 })
      .not.toBeNull();
    expect(JSON.stringify(await outboxRowsTo(server, email))).not.toContain(token);

    const newPassword = "a brand new passphrase";
    const confirmed = await confirmReset(server, token, newPassword);
    expect(confirmed.status).toBe(204);
    expect(confirmed.body).toBeNull();

    for (const old of [first.cookie, second.cookie]) {
      expect((await call(server, "/api/me", undefined, old)).status).toBe(401);
    }
    expect((await call(server, "/api/me", undefined, otherSession.cookie)).status).toBe(200);
    expect((await login(server, email, PASSWORD)).status).toBe(401);
    const fresh = await login(server, email, newPassword);
    expect(fresh.status).toBe(200);
    expect((await call(server, "/api/me", undefined, fresh.cookie)).body.user.id).toBe(userId);

    const again = await confirmReset(server, token, "yet another passphrase");
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("gone");
    expect((await login(server, email, newPassword)).status).toBe(200);
  });

  it("writes the mail in English for an account whose locale is en", async () => {
    const email = "emma.english@example.test";
    await addAccount(server, email, "en", "Emma");
    expect((await requestReset(server, email)).status).toBe(202);
    const [mail] = await sink.waitFor(email, 1);
    expect(mail.subject).toMatch(/password/i);
    expect(mail.subject).not.toMatch(/wachtwoord/i);
    expect(mail.text).toContain("Hello Emma,");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain("Hello Emma,");
    // The link is the app's one address either way.
    expect(tokenIn(mail, server.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses a link older than its hour with 410 and leaves the password as it was", async () => {
    const email = "eric.expired@example.test";
    await addAccount(server, email);
    expect((await requestReset(server, email)).status).toBe(202);
    const token = tokenIn((await sink.waitFor(email, 1))[0], server.url);
    await server.themawerk.database.db
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where("token_hash", "=", hashToken(token))
      .execute();
    const res = await confirmReset(server, token, "too late a passphrase");
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("gone");
    expect((await login(server, email, PASSWORD)).status).toBe(200);
  });

  it("answers 400 for a token of the wrong shape and 410 for a well-formed unknown one", async () => {
    const garbage = await confirmReset(server, "not-a-token", "some new passphrase");
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatchObject({ code: "validation_failed", field: "token" });
    const unknown = await confirmReset(server, randomBytes(32).toString("base64url"), "some new passphrase");
    expect(unknown.status).toBe(410);
    expect(unknown.body.error.code).toBe("gone");
  });

  it("gives an unknown address the same 202 answer and sends it nothing", async () => {
    const known = "kim.known@example.test";
    const unknown = "nobody.here@example.test";
    await addAccount(server, known);
    const a = await requestReset(server, unknown);
    const b = await requestReset(server, known);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
    // The known address's mail, asked for after, has arrived: the unknown one was never queued.
    await sink.waitFor(known, 1);
    expect(await outboxRowsTo(server, unknown)).toHaveLength(0);
    expect(sink.mails.filter((m) => m.to.includes(unknown))).toHaveLength(0);
  });

  it("lets exactly one of two parallel confirms with one token through", async () => {
    const email = "paula.parallel@example.test";
    await addAccount(server, email);
    expect((await requestReset(server, email)).status).toBe(202);
    const token = tokenIn((await sink.waitFor(email, 1))[0], server.url);
    const passwords = ["first parallel passphrase", "second parallel passphrase"];
    const answers = await Promise.all(passwords.map((p) => confirmReset(server, token, p)));
    expect(answers.map((a) => a.status).sort()).toEqual([204, 410]);
    const winner = passwords[answers.findIndex((a) => a.status === 204)];
    const loser = passwords[answers.findIndex((a) => a.status === 410)];
    expect((await login(server, email, winner)).status).toBe(200);
    expect((await login(server, email, loser)).status).toBe(401);
  });

  it("ends the account's other open links once one of them is used", async () => {
    const email = "lotte.links@example.test";
    await addAccount(server, email);
    expect((await requestReset(server, email)).status).toBe(202);
    expect((await requestReset(server, email)).status).toBe(202);
    const [one, two] = (await sink.waitFor(email, 2)).map((m) => tokenIn(m, server.url));
    expect(one).not.toBe(two);
    expect((await confirmReset(server, two, "the newest passphrase")).status).toBe(204);
    const stale = await confirmReset(server, one, "an older passphrase");
    expect(stale.status).toBe(410);
    expect((await login(server, email, "the newest passphrase")).status).toBe(200);
  });
});

describe("the reset request throttle", () => {
  let throttled: TestServer;
  beforeAll(async () => {
    // An app of its own: its counts start at zero, whatever the other tests asked for.
    throttled = await startTestServer(mailEnvFor(sink), { mailSettings: FAST_OUTBOX });
  });
  afterAll(async () => {
    await throttled?.close();
  });

  it("refuses the 4th request for one address within 15 minutes with 429, alike for known and unknown", async () => {
    const known = "tim.throttle@example.test";
    const unknown = "tom.throttle@example.test";
    await addAccount(throttled, known);
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      expect((await requestReset(throttled, known)).status).toBe(202);
      expect((await requestReset(throttled, unknown)).status).toBe(202);
    }
    const refusedKnown = await requestReset(throttled, known);
    const refusedUnknown = await requestReset(throttled, unknown);
    for (const refused of [refusedKnown, refusedUnknown]) {
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("rate_limited");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    expect(refusedKnown.body.error.code).toBe(refusedUnknown.body.error.code);
    expect(refusedKnown.body.error.message.replace(/\d+/g, "N")).toBe(
      refusedUnknown.body.error.message.replace(/\d+/g, "N"),
    );
    // Only the requests that were let through sent a mail.
    await sink.waitFor(known, ADDRESS_LIMIT);
    expect(await outboxRowsTo(throttled, known)).toHaveLength(ADDRESS_LIMIT);
  });

  it("refuses a client past its limit of requests over any addresses", async () => {
    // The previous test counted 2 × ADDRESS_LIMIT requests from this client (refused ones are not counted).
    const used = 2 * ADDRESS_LIMIT;
    for (let i = used; i < CLIENT_LIMIT; i++) {
      expect((await requestReset(throttled, `client.${i}@example.test`)).status).toBe(202);
    }
    const refused = await requestReset(throttled, "one.more@example.test");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("refuses a client that keeps trying made-up tokens, before any password is hashed", async () => {
    for (let i = 0; i < 30; i++) {
      const guess = `${String(i).padStart(2, "0")}${"A".repeat(41)}`;
      expect((await confirmReset(throttled, guess, "een geraden wachtwoord")).status).toBe(410);
    }
    const refused = await confirmReset(throttled, "B".repeat(43), "een geraden wachtwoord");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
  });
});

describe("password reset with email off", () => {
  let off: TestServer;
  beforeAll(async () => {
    off = await startTestServer({}, { mailSettings: FAST_OUTBOX });
  });
  afterAll(async () => {
    await off?.close();
  });

  it("says email is off, still answers 202 and queues nothing", async () => {
    expect((await call(off, "/api/auth/mail")).body).toEqual({ enabled: false });
    const email = "olga.off@example.test";
    await addAccount(off, email);
    const known = await requestReset(off, email);
    const unknown = await requestReset(off, "nobody.off@example.test");
    expect(known.status).toBe(202);
    expect(known.body).toEqual({ sent: true });
    expect(unknown.body).toEqual(known.body);
    const db = off.themawerk.database.db;
    expect(await db.selectFrom("mail_outbox").selectAll().execute()).toHaveLength(0);
    // No link was made either: nobody could ever receive it.
    expect(await db.selectFrom("password_resets").selectAll().execute()).toHaveLength(0);
    expect((await login(off, email, PASSWORD)).status).toBe(200);
  });

  describe("npm run reset-password", () => {
    function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const { dataDir, databaseUrl } = off.themawerk.deps.config;
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATA_DIR: dataDir,
        PUBLIC_URL: off.url,
      };
      if (databaseUrl) env.DATABASE_URL = databaseUrl;
      const child = spawn("npx", ["tsx", "scripts/reset-password.ts", ...args], {
        cwd: projectRoot,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => {
        stdout += d;
      });
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
    }

    it("prints a one-time link that sets a password through the API", async () => {
      const email = "sam.script@example.test";
      await addAccount(off, email);
      const { code, stdout, stderr } = await runScript([email]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toMatch(/one hour/);
      expect(stdout).toMatch(/works once/);
      const escaped = off.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const token = new RegExp(`${escaped}/wachtwoord-herstellen#token=([A-Za-z0-9_-]{43})\\s`).exec(
        stdout,
      )?.[1];
      expect(token, stdout).toBeDefined();
      const newPassword = "set by the operator link";
      expect((await confirmReset(off, token as string, newPassword)).status).toBe(204);
      expect((await login(off, email, newPassword)).status).toBe(200);
      expect((await login(off, email, PASSWORD)).status).toBe(401);
      expect((await confirmReset(off, token as string, "once more please")).status).toBe(410);
    });

    it("says so on stderr and exits 1 for an unknown address", async () => {
      const { code, stdout, stderr } = await runScript(["nobody.script@example.test"]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/no account with the address nobody\.script@example\.test/i);
    });

    it("prints the usage on stderr and exits 2 without an address", async () => {
      const { code, stdout, stderr } = await runScript([]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^Usage: npm run reset-password -- EMAIL/);
    });
  });
});
