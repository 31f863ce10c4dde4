import { type Selectable, sql } from "kysely";
import type { Db } from "../db/database";
import type { MailOutboxTable } from "../db/schema";
import { newId, nowIso } from "../ids";
import type { Logger } from "../logger";
import type { MailAttachment, Mailer } from "./mailer";

/** A composed mail to queue. */
export interface OutgoingMail {
  /** What it is, for logs and tests ("password_reset", "mentions" …). */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface MailSettings {
  /** How often the dispatcher looks for due mail (it is also nudged when mail is queued). */
  pollMs: number;
  /** How long a claimed mail is this instance's to send; a crashed sender's claim runs out. */
  leaseMs: number;
  /** Wait after the first failed attempt; doubled per attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a mail is given up (about three days at the defaults). */
  maxAttempts: number;
}

export const defaultMailSettings: MailSettings = {
  pollMs: 5_000,
  leaseMs: 120_000,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
  maxAttempts: 80,
};

/** Queues a mail in the outbox, inside the caller's transaction when it passes one: it is sent once that commits. */
export async function queueMail(db: Db, mail: OutgoingMail): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("mail_outbox")
    .values({
      id,
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      attachments: JSON.stringify(mail.attachments ?? []),
      created_at: now,
      next_attempt_at: now,
      claimed_until: null,
      sent_at: null,
      failed_at: null,
      last_error: null,
    })
    .execute();
  return id;
}

/**
 * Sends what the outbox holds, one mail at a time, from every instance alike: a mail is claimed
 * with a lease in one conditional update (so two instances never send the same one at once), sent,
 * then marked sent; a failure is retried with backoff, and a restart or a dead relay loses nothing.
 * A crash between the relay's acceptance and the mark sends that mail again, with the same
 * Message-ID (`<outbox id@host>`), which mail systems use to drop the duplicate.
 */
export class MailDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    private readonly host: string,
    private readonly settings: MailSettings = defaultMailSettings,
  ) {}

  start(): void {
    if (!this.mailer.enabled) return;
    this.timer = setInterval(() => this.nudge(), this.settings.pollMs);
    this.timer.unref();
    this.nudge();
  }

  /** Looks for due mail now (after queueing some). */
  nudge(): void {
    if (this.stopped || !this.mailer.enabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.logger.warn("mail: the outbox could not be read", { error: String(error) }))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.nudge();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const mail = await this.claim();
      if (!mail) return;
      // The relay is down: the rest waits for the next round rather than failing one by one now.
      if (!(await this.deliver(mail))) return;
    }
  }

  private async claim(): Promise<Selectable<MailOutboxTable> | undefined> {
    const now = new Date();
    const nowText = now.toISOString();
    const due = await this.db
      .selectFrom("mail_outbox")
      .select("id")
      .where("sent_at", "is", null)
      .where("failed_at", "is", null)
      .where("next_attempt_at", "<=", nowText)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", nowText)]))
      .orderBy("next_attempt_at")
      .limit(1)
      .executeTakeFirst();
    if (!due) return undefined;
    // The conditions again in the update: another instance that claimed it first makes this one a no-op.
    const claimed = await this.db
      .updateTable("mail_outbox")
      .set({
        claimed_until: new Date(now.getTime() + this.settings.leaseMs).toISOString(),
        attempts: sql`attempts + 1`,
      })
      .where("id", "=", due.id)
      .where("sent_at", "is", null)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", nowText)]))
      .returningAll()
      .executeTakeFirst();
    // Someone else has it: look for the next one.
    return claimed ?? (await this.claim());
  }

  /** Sends one claimed mail; whether the relay took it. */
  private async deliver(mail: Selectable<MailOutboxTable>): Promise<boolean> {
    try {
      await this.mailer.send({
        messageId: `<${mail.id}@${this.host}>`,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        headers: JSON.parse(mail.headers) as Record<string, string>,
        attachments: JSON.parse(mail.attachments) as MailAttachment[],
      });
    } catch (error) {
      const attempts = Number(mail.attempts);
      const giveUp = attempts >= this.settings.maxAttempts;
      const wait = Math.min(
        this.settings.retryMaxMs,
        this.settings.retryBaseMs * 2 ** Math.max(0, attempts - 1),
      );
      await this.db
        .updateTable("mail_outbox")
        .set({
          claimed_until: null,
          last_error: String(error).slice(0, 500),
          next_attempt_at: new Date(Date.now() + wait).toISOString(),
          failed_at: giveUp ? nowIso() : null,
          // A mail given up on keeps no content either (a reset link, a quoted comment).
          ...(giveUp ? { text_body: "", html_body: "", attachments: "[]" } : {}),
        })
        .where("id", "=", mail.id)
        .execute();
      const log = giveUp ? this.logger.error : this.logger.warn;
      log.call(
        this.logger,
        giveUp ? "mail: given up after every attempt" : "mail: sending failed; will retry",
        {
          kind: mail.kind,
          attempts,
          retryInMs: giveUp ? undefined : wait,
          error: String(error),
        },
      );
      return false;
    }
    await this.db
      .updateTable("mail_outbox")
      // What was sent is not kept: the row stays as a record of who got what when, without the content.
      .set({
        sent_at: nowIso(),
        claimed_until: null,
        last_error: null,
        text_body: "",
        html_body: "",
        attachments: "[]",
      })
      .where("id", "=", mail.id)
      .execute();
    return true;
  }
}
