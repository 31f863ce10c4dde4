import type { Db } from "../../db/database";
import type { Logger } from "../../logger";
import { accountUrl, documentUrl, lessonUrl, threadUrl, unsubscribeUrl } from "../../mail/app-links";
import type { MailService } from "../../mail/create-mail";
import { type DigestWorkspacePart, digestHasNews, digestMail } from "../../mail/digest-mail";
import { PeriodicRound } from "../../mail/periodic-round";
import {
  type DigestCandidate,
  digestWorkspaces,
  documentsChangedAfter,
  dueForDigest,
  lastMeetingBefore,
  lessonsToWeigh,
  newThreadsOnFollowed,
} from "./digest.reads";
import { unsubscribeToken } from "./mail-preferences";

export interface DigestSettings {
  /** How often the sweeper looks for people whose digest is due. */
  pollMs: number;
  /** The length of a day: a daily digest comes once per day, a weekly once per seven (tests: seconds). */
  dayMs: number;
}

export const defaultDigestSettings: DigestSettings = { pollMs: 600_000, dayMs: 86_400_000 };

/** People handled per round; the rest follow in the next. */
const PEOPLE_PER_ROUND = 50;

const startOfDay = (date: string) => `${date}T00:00:00.000Z`;

/**
 * Sends each person their digest once per period (daily or weekly, their choice; weekly for who
 * never chose): new lessons to weigh in followed themes, new conversations on followed documents,
 * and documents changed since the last meeting — all since their previous digest (a first digest
 * looks back one period). Claiming is one conditional update of `last_digest_at` from the value
 * read, in the transaction that queues the mail, so with several instances a digest goes once; an
 * empty digest sends nothing but still moves the period on.
 */
export class DigestSweeper {
  private readonly rounds: PeriodicRound;

  constructor(
    private readonly db: Db,
    private readonly mail: Pick<MailService, "enabled" | "queue" | "nudge">,
    private readonly publicUrl: string,
    logger: Logger,
    private readonly settings: DigestSettings = defaultDigestSettings,
  ) {
    this.rounds = new PeriodicRound(
      () => this.sweep(),
      settings.pollMs,
      (error) => logger.warn("mail: digests not sent yet", { error: String(error) }),
    );
  }

  start(): void {
    if (this.mail.enabled) this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: every person whose digest is due gets it (or, with nothing new, a moved period); how many mails were queued. */
  async sweep(now = Date.now()): Promise<number> {
    const due = await dueForDigest(this.db, now, this.settings.dayMs, PEOPLE_PER_ROUND);
    let queued = 0;
    for (const candidate of due) if (await this.digestFor(candidate, now)) queued++;
    if (queued) this.mail.nudge();
    return queued;
  }

  private digestFor(candidate: DigestCandidate, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const { userId, lastDigestAt } = candidate;
      // Makes the row (and its unsubscribe token) for someone on the defaults, so the claim has a row to update.
      const token = await unsubscribeToken(tx, userId);
      const sentAt = new Date(now).toISOString();
      const claimed = await tx
        .updateTable("mail_preferences")
        .set({ last_digest_at: sentAt })
        .where("user_id", "=", userId)
        .where("digest", "=", candidate.digest)
        .where("last_digest_at", lastDigestAt === null ? "is" : "=", lastDigestAt)
        .returning("user_id")
        .executeTakeFirst();
      if (!claimed) return false;
      const periodDays = candidate.digest === "daily" ? 1 : 7;
      const since = lastDigestAt ?? new Date(now - periodDays * this.settings.dayMs).toISOString();
      const person = await tx
        .selectFrom("users")
        .select(["email", "name", "locale"])
        .where("id", "=", userId)
        .executeTakeFirst();
      if (!person) return false;
      const parts = await this.partsFor(tx, userId, since, sentAt);
      if (!digestHasNews(parts)) return false;
      const base = this.publicUrl;
      await this.mail.queue(
        tx,
        digestMail(person, candidate.digest, parts, {
          lesson: (ws, doc, lesson) => lessonUrl(base, ws, doc, lesson),
          thread: (ws, doc, thread) => threadUrl(base, ws, doc, thread),
          document: (ws, doc) => documentUrl(base, ws, doc),
          unsubscribe: unsubscribeUrl(base, token),
          preferences: accountUrl(base),
        }),
      );
      return true;
    });
  }

  /** What is new for the person in each workspace they are still a member of. */
  private async partsFor(
    tx: Db,
    userId: string,
    since: string,
    sentAt: string,
  ): Promise<DigestWorkspacePart[]> {
    const today = sentAt.slice(0, 10);
    const parts: DigestWorkspacePart[] = [];
    for (const workspace of await digestWorkspaces(tx, userId)) {
      const meeting = await lastMeetingBefore(tx, workspace.id, today);
      // Changes since the last meeting that this period has not reported yet.
      const after =
        meeting && (startOfDay(meeting.meeting_date) > since ? startOfDay(meeting.meeting_date) : since);
      parts.push({
        workspaceId: workspace.id,
        workspaceName: workspace.name,
        lessons: await lessonsToWeigh(tx, userId, workspace.id, since),
        threads: await newThreadsOnFollowed(tx, userId, workspace.id, since),
        lastMeeting: meeting ? { id: meeting.id, title: meeting.title, date: meeting.meeting_date } : null,
        changedDocuments: after ? await documentsChangedAfter(tx, workspace.id, after) : [],
      });
    }
    return parts;
  }
}
