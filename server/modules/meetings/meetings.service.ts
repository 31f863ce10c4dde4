import { MEETING_INVITES_PER_HOUR, type MeetingInviteResult } from "../../../shared/schemas/meetings";
import type { AccessControl } from "../../auth/access";
import { AttemptLimiter } from "../../auth/attempt-limiter";
import type { CounterStore } from "../../auth/counter-store";
import type { Db } from "../../db/database";
import { AppError, conflict, forbidden, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { documentUrl } from "../../mail/app-links";
import type { MailService } from "../../mail/create-mail";
import { meetingInviteMail } from "../../mail/meeting-invite-mail";
import { rateLimited } from "../auth/auth.errors";
import { meetingIcs } from "./meeting-ics";

export interface MeetingsDeps {
  db: Db;
  access: AccessControl;
  mail: Pick<MailService, "enabled" | "queue" | "nudge">;
  publicUrl: string;
  counters: CounterStore;
  now?: () => number;
}

/** A meeting's calendar file: its name and its text. */
export interface MeetingCalendar {
  filename: string;
  ics: string;
}

/** A live meeting document with a date. */
interface Meeting {
  workspace_id: string;
  title: string;
  meeting_date: string;
  meeting_place: string | null;
  updated_at: string;
}

const ONE_HOUR = 60 * 60 * 1000;

/** 409 with reason "mail_off", so the screen can say why in its own words. */
const mailOff = () =>
  new AppError(409, "conflict", "Email is off on this server: no invitation can be sent.", {
    reason: "mail_off",
  });

/** The file name for a title: no path separators, quotes or control characters; never empty. */
export function calendarFileName(title: string): string {
  const safe = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100)
    .trim();
  return `${safe || "vergadering"}.ics`;
}

/**
 * Meetings in calendars: every member downloads a meeting's .ics; a facilitator mails it to the
 * whole workspace, in each member's language, at most MEETING_INVITES_PER_HOUR times per document.
 */
export class MeetingsService {
  private readonly invites: AttemptLimiter;
  private readonly now: () => number;

  constructor(private readonly deps: MeetingsDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.invites = new AttemptLimiter({
      name: "meeting-invite",
      limit: MEETING_INVITES_PER_HOUR,
      windowMs: ONE_HOUR,
      store: deps.counters,
      now: this.now,
    });
  }

  /** The .ics of a meeting document with a date, for any member who may read it. */
  async calendar(user: SessionUser | undefined, documentId: string): Promise<MeetingCalendar> {
    await this.deps.access.requireDocument(user, documentId, "document.read");
    return this.calendarOf(documentId, await this.meeting(documentId));
  }

  /** Mails every member (the facilitator too) the invitation with the .ics; facilitators only. */
  async invite(user: SessionUser | undefined, documentId: string): Promise<MeetingInviteResult> {
    const { role, workspaceId } = await this.deps.access.requireDocument(user, documentId, "document.read");
    if (role !== "facilitator") throw forbidden("Only facilitators may mail a meeting invitation.");
    const meeting = await this.meeting(documentId);
    if (!this.deps.mail.enabled) throw mailOff();
    // Counted only once the invitation would really go out.
    const wait = await this.invites.attempt(documentId);
    if (wait > 0) throw rateLimited(wait);
    const calendar = this.calendarOf(documentId, meeting);
    const facilitator = await this.deps.db
      .selectFrom("users")
      .select("name")
      .where("id", "=", user!.id)
      .executeTakeFirstOrThrow();
    const members = await this.deps.db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.email", "u.name", "u.locale"])
      .where("m.workspace_id", "=", workspaceId)
      .orderBy("u.email")
      .execute();
    const invite = {
      title: meeting.title,
      date: meeting.meeting_date,
      place: meeting.meeting_place,
      url: documentUrl(this.deps.publicUrl, workspaceId, documentId),
      facilitatorName: facilitator.name,
      ics: calendar.ics,
      filename: calendar.filename,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      for (const member of members) await this.deps.mail.queue(trx, meetingInviteMail(member, invite));
    });
    this.deps.mail.nudge();
    return { sent: members.length };
  }

  private calendarOf(documentId: string, meeting: Meeting): MeetingCalendar {
    const ics = meetingIcs({
      documentId,
      workspaceId: meeting.workspace_id,
      title: meeting.title,
      date: meeting.meeting_date,
      place: meeting.meeting_place,
      updatedAt: meeting.updated_at,
      publicUrl: this.deps.publicUrl,
      now: new Date(this.now()),
    });
    return { filename: calendarFileName(meeting.title), ics };
  }

  /** The document, when it is a live meeting with a date; 409 otherwise. */
  private async meeting(documentId: string): Promise<Meeting> {
    const row = await this.deps.db
      .selectFrom("documents")
      .select(["workspace_id", "kind", "title", "meeting_date", "meeting_place", "updated_at", "deleted_at"])
      .where("id", "=", documentId)
      .executeTakeFirst();
    if (!row) throw notFound("Document");
    if (row.deleted_at) throw conflict("The document is in the trash; restore it first.");
    if (row.kind !== "meeting") throw conflict("This document is not a meeting: it has no calendar entry.");
    if (!row.meeting_date) throw conflict("This meeting has no date yet: set one first.");
    return { ...row, meeting_date: row.meeting_date };
  }
}
