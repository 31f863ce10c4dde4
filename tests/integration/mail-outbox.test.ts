import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { queueMail } from "../../server/mail/mail-outbox";
import { insertUser } from "../../server/modules/account/users.repo";
import { FAST_OUTBOX, mailEnvFor, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { createTestStorage, type TestStorage } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Everything a test started, undone after it in reverse order (apps before their storage and sink). */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A sink whose port is known but that does not answer yet: the relay is down. */
async function deadSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  await sink.stop();
  cleanups.push(() => sink.stop());
  return sink;
}

async function app(sink: SmtpSink, storage?: TestStorage): Promise<TestServer> {
  const server = await startTestServer(mailEnvFor(sink), { mailSettings: FAST_OUTBOX, storage });
  cleanups.push(() => server.close());
  return server;
}

async function storage(): Promise<TestStorage> {
  const s = await createTestStorage();
  cleanups.push(() => s.cleanup());
  return s;
}

async function requestReset(server: TestServer, email: string): Promise<void> {
  await insertUser(server.themawerk.database.db, {
    email,
    name: "Olivia Outbox",
    passwordHash: await hashPassword("correct horse battery"),
  });
  const res = await fetch(`${server.url}/api/auth/password-reset`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });
  expect(res.status).toBe(202);
}

const rowTo = (server: TestServer, address: string) =>
  server.themawerk.database.db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .executeTakeFirstOrThrow();

/** Polls until the mail to `address` has been tried `attempts` times and failed each time. */
async function failedAttempts(server: TestServer, address: string, attempts: number) {
  return vi.waitFor(
    async () => {
      const row = await rowTo(server, address);
      expect(Number(row.attempts)).toBeGreaterThanOrEqual(attempts);
      expect(row.last_error).toBeTruthy();
      expect(row.claimed_until).toBeNull();
      return row;
    },
    { timeout: 10_000, interval: 50 },
  );
}

/**
 * Absence cannot be polled for: after a mail arrived, give the dispatcher this many more poll rounds
 * (with room for a retry at retryMaxMs) in which a duplicate would have been sent.
 */
const morePollRounds = (rounds: number) =>
  new Promise((resolve) => setTimeout(resolve, rounds * FAST_OUTBOX.pollMs + FAST_OUTBOX.retryMaxMs));

const mailsTo = (sink: SmtpSink, address: string) => sink.mails.filter((m) => m.to.includes(address));

describe("the mail outbox", () => {
  it("keeps a reset mail while the relay is down, retries with the error noted, and sends it once when it is back", async () => {
    const sink = await deadSink();
    const server = await app(sink);
    const email = "rita.retry@example.test";
    await requestReset(server, email);

    const failing = await failedAttempts(server, email, 2);
    expect(failing.sent_at).toBeNull();
    expect(failing.failed_at).toBeNull();
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(sink.mails).toHaveLength(0);

    await sink.start();
    const [mail] = await sink.waitFor(email, 1);
    expect(mail.messageId).toBe(`<${failing.id}@127.0.0.1>`);
    await vi.waitFor(async () => expect((await rowTo(server, email)).sent_at).not.toBeNull(), {
      timeout: 5_000,
      interval: 50,
    });
    await morePollRounds(5);
    expect(mailsTo(sink, email)).toHaveLength(1);
    const sent = await rowTo(server, email);
    expect(sent).toMatchObject({ claimed_until: null, last_error: null, failed_at: null });
    // The attempt that got through counts too.
    expect(Number(sent.attempts)).toBeGreaterThanOrEqual(Number(failing.attempts) + 1);
  });

  it("sends a mail queued before a restart, once, from the app started again on the same data", async () => {
    const sink = await deadSink();
    const data = await storage();
    const before = await app(sink, data);
    const email = "rene.restart@example.test";
    await requestReset(before, email);
    const failing = await failedAttempts(before, email, 1);
    await before.close();
    expect(sink.mails).toHaveLength(0);

    await sink.start();
    const after = await app(sink, data);
    const [mail] = await sink.waitFor(email, 1);
    expect(mail.messageId).toBe(`<${failing.id}@127.0.0.1>`);
    await vi.waitFor(async () => expect((await rowTo(after, email)).sent_at).not.toBeNull(), {
      timeout: 5_000,
      interval: 50,
    });
    await morePollRounds(5);
    expect(mailsTo(sink, email)).toHaveLength(1);
  });
});

// Two instances share a database only on PostgreSQL (SQLite is one process's file); createTestStorage
// makes a PostgreSQL database exactly when TEST_DATABASE_URL is set.
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "two instances on one database (PostgreSQL only: SQLite cannot be shared)",
  () => {
    it("send each queued mail once between them, not twice", async () => {
      const sink = await deadSink();
      const data = await storage();
      const one = await app(sink, data);
      const two = await app(sink, data);
      expect(one.themawerk.database.dialect).toBe("postgres");
      const addresses = Array.from({ length: 16 }, (_, i) => `shared.${i}@example.test`);
      for (const [i, to] of addresses.entries()) {
        await queueMail((i % 2 ? one : two).themawerk.database.db, {
          kind: "test",
          to,
          subject: `Mail ${i}`,
          text: `Mail ${i}`,
          html: `<p>Mail ${i}</p>`,
        });
      }
      // Both instances try and fail while the relay is down, then race for every mail once it is back.
      await failedAttempts(one, addresses[0], 1);
      await sink.start();
      for (const to of addresses) await sink.waitFor(to, 1);
      await morePollRounds(5);
      for (const to of addresses) expect(mailsTo(sink, to), to).toHaveLength(1);
      const unsent = await one.themawerk.database.db
        .selectFrom("mail_outbox")
        .select("id")
        .where("sent_at", "is", null)
        .execute();
      expect(unsent).toHaveLength(0);
    });
  },
);
