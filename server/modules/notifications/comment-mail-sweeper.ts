import type { Db } from "../../db/database";
import type { Logger } from "../../logger";
import { accountUrl, threadUrl, unsubscribeUrl } from "../../mail/app-links";
import { type CommentNoticeItem, commentNoticeMail } from "../../mail/comment-mail";
import type { MailService } from "../../mail/create-mail";
import { PeriodicRound } from "../../mail/periodic-round";
import { readMailChoices, unsubscribeToken } from "./mail-preferences";

export interface NoticeSettings {
  /** How often the sweeper looks for notices that are due. */
  pollMs: number;
  /** How long after a person's first waiting notice their mail goes: what arrives meanwhile joins it. */
  groupMs: number;
}

export const defaultNoticeSettings: NoticeSettings = { pollMs: 15_000, groupMs: 120_000 };

/** People mailed per round; the rest follow in the next. */
const PEOPLE_PER_ROUND = 50;

/**
 * Turns waiting comment notices into mail: once a person's oldest notice is `groupMs` old, all of
 * theirs become one mail, queued in the outbox in the same transaction that takes the notices (so a
 * notice becomes exactly one mail, also with several instances: the delete claims them). Left out
 * when made: comments deleted since, documents in the trash, workspaces the person left, threads the
 * person has read since, and people who turned comment mail off.
 */
export class CommentMailSweeper {
  private readonly rounds: PeriodicRound;

  constructor(
    private readonly db: Db,
    private readonly mail: Pick<MailService, "enabled" | "queue" | "nudge">,
    private readonly publicUrl: string,
    logger: Logger,
    private readonly settings: NoticeSettings = defaultNoticeSettings,
  ) {
    this.rounds = new PeriodicRound(
      () => this.sweep(),
      settings.pollMs,
      (error) => logger.warn("mail: comment notices not sent yet", { error: String(error) }),
    );
  }

  start(): void {
    if (this.mail.enabled) this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: mails everyone whose first waiting notice is old enough; how many mails were queued. */
  async sweep(now = Date.now()): Promise<number> {
    const cutoff = new Date(now - this.settings.groupMs).toISOString();
    const due = await this.db
      .selectFrom("comment_notices")
      .select("user_id")
      .groupBy("user_id")
      .having((eb) => eb.fn.min("created_at"), "<=", cutoff)
      .limit(PEOPLE_PER_ROUND)
      .execute();
    let queued = 0;
    for (const { user_id } of due) if (await this.mailPerson(user_id)) queued++;
    if (queued) this.mail.nudge();
    return queued;
  }

  private mailPerson(userId: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      // Taking the notices is the claim: another instance's delete finds none of them afterwards.
      const taken = await tx
        .deleteFrom("comment_notices")
        .where("user_id", "=", userId)
        .returning(["message_id", "reason"])
        .execute();
      if (!taken.length) return false;
      const person = await tx
        .selectFrom("users")
        .select(["email", "name", "locale"])
        .where("id", "=", userId)
        .executeTakeFirst();
      if (!person || !(await readMailChoices(tx, userId)).commentMail) return false;
      const items = await this.itemsFor(tx, userId, taken);
      if (!items.length) return false;
      const token = await unsubscribeToken(tx, userId);
      await this.mail.queue(
        tx,
        commentNoticeMail(person, items, {
          unsubscribe: unsubscribeUrl(this.publicUrl, token),
          preferences: accountUrl(this.publicUrl),
        }),
      );
      return true;
    });
  }

  /** The comments behind the notices that are still worth a mail, oldest first. */
  private async itemsFor(
    tx: Db,
    userId: string,
    taken: ReadonlyArray<{ message_id: string; reason: string }>,
  ): Promise<CommentNoticeItem[]> {
    const reasons = new Map(taken.map((t) => [t.message_id, t.reason]));
    const rows = await tx
      .selectFrom("comment_messages as m")
      .innerJoin("comment_threads as t", "t.id", "m.thread_id")
      .innerJoin("documents as d", "d.id", "t.document_id")
      .innerJoin("users as a", "a.id", "m.author_id")
      .innerJoin("memberships as ms", (join) =>
        join.onRef("ms.workspace_id", "=", "t.workspace_id").on("ms.user_id", "=", userId),
      )
      .leftJoin("comment_thread_reads as r", (join) =>
        join.onRef("r.thread_id", "=", "t.id").on("r.user_id", "=", userId),
      )
      .leftJoin("lessons as l", "l.id", "t.lesson_id")
      .select([
        "m.id",
        "m.body",
        "m.created_at",
        "a.name as author_name",
        "d.title",
        "d.id as document_id",
        "t.id as thread_id",
        "t.workspace_id",
        "t.quote",
        "l.text as lesson_text",
        "r.read_at",
      ])
      .where("m.id", "in", [...reasons.keys()])
      .where("m.deleted_at", "is", null)
      .where("d.deleted_at", "is", null)
      .orderBy("m.created_at")
      .execute();
    return rows
      .filter((r) => r.read_at === null || r.read_at < r.created_at)
      .map((r) => ({
        reason: reasons.get(r.id) === "mention" ? "mention" : "reply",
        authorName: r.author_name,
        body: r.body,
        documentTitle: r.title,
        about: r.quote ?? r.lesson_text ?? null,
        url: threadUrl(this.publicUrl, r.workspace_id, r.document_id, r.thread_id),
      }));
  }
}
