import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A mail the sink received, parsed. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  messageId: string | undefined;
  raw: ParsedMail;
}

/**
 * A real SMTP server (the `smtp-server` package) on a free 127.0.0.1 port that keeps every mail it
 * receives: the app's mail goes through the real protocol, nothing of ours is replaced. `stop()`
 * takes it down (the app then sees a refused connection, as with a dead relay); `start()` brings it
 * back on the same port. `smtpUrl` is what SMTP_URL should say.
 */
export interface SmtpSink {
  readonly smtpUrl: string;
  readonly mails: ReceivedMail[];
  /** Resolves with the first `count` mails to `address` once they arrived (or rejects after `timeoutMs`). */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(null, { user: "test" });
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              headers: parsed.headers as Map<string, unknown>,
              messageId: parsed.messageId,
              raw: parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server?.once("error", reject);
      server?.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  };
  await listen();
  return {
    get smtpUrl() {
      return `smtp://127.0.0.1:${port}`;
    },
    mails,
    async waitFor(address, count = 1, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      const mine = () => mails.filter((m) => m.to.includes(address.toLowerCase()));
      while (mine().length < count) {
        if (Date.now() > until)
          throw new Error(`${mine().length} of ${count} mails to ${address} arrived within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mine().slice(0, count);
    },
    start: listen,
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
  };
}

/** The sender the test apps are given. */
export const TEST_MAIL_FROM = "Themawerk <noreply@themawerk.test>";

/** The environment that points an app at this sink. */
export const mailEnvFor = (sink: Pick<SmtpSink, "smtpUrl">) => ({
  SMTP_URL: sink.smtpUrl,
  MAIL_FROM: TEST_MAIL_FROM,
});

/** Outbox timing for tests: polled every 100 ms, a failed send retried within 400 ms. */
export const FAST_OUTBOX = { pollMs: 100, retryBaseMs: 100, retryMaxMs: 400 };

/** A header as it was sent (mailparser folds the List-* headers into an object of its own). */
export const sentHeader = (mail: ReceivedMail, name: string) =>
  mail.raw.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, "");
