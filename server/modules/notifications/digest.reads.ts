import type { Db } from "../../db/database";
import type { DigestDocument, DigestLesson, DigestThread } from "../../mail/digest-mail";

/** How many items of each kind one workspace's part of a digest lists at most. */
export const DIGEST_LIMITS = { lessons: 30, threads: 30, documents: 30 } as const;

/** A person's choice and when their last digest went; the defaults when they never chose. */
export interface DigestCandidate {
  userId: string;
  digest: string;
  lastDigestAt: string | null;
}

/**
 * Members of some workspace whose digest is due at `now`: daily and none for a day, weekly and
 * none for seven (no mail_preferences row means the default: weekly, never sent).
 */
export async function dueForDigest(
  db: Db,
  now: number,
  dayMs: number,
  limit: number,
): Promise<DigestCandidate[]> {
  const dayAgo = new Date(now - dayMs).toISOString();
  const weekAgo = new Date(now - 7 * dayMs).toISOString();
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("mail_preferences as p", "p.user_id", "u.id")
    .select(["u.id", "p.digest", "p.last_digest_at"])
    .where((eb) =>
      eb.exists(eb.selectFrom("memberships as m").select("m.user_id").whereRef("m.user_id", "=", "u.id")),
    )
    .where((eb) =>
      eb.or([
        eb.and([
          eb("p.digest", "=", "daily"),
          eb.or([eb("p.last_digest_at", "is", null), eb("p.last_digest_at", "<=", dayAgo)]),
        ]),
        eb.and([
          eb.or([eb("p.digest", "=", "weekly"), eb("p.user_id", "is", null)]),
          eb.or([eb("p.last_digest_at", "is", null), eb("p.last_digest_at", "<=", weekAgo)]),
        ]),
      ]),
    )
    .orderBy("u.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    digest: r.digest ?? "weekly",
    lastDigestAt: r.last_digest_at ?? null,
  }));
}

/** The person's workspaces (only those they are still a member of), oldest membership first. */
export async function digestWorkspaces(db: Db, userId: string) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("workspaces as w", "w.id", "m.workspace_id")
    .select(["w.id", "w.name"])
    .where("m.user_id", "=", userId)
    .orderBy("m.created_at")
    .orderBy("w.id")
    .execute();
}

/** New candidate lessons (since `since`) in the themes the person follows that they have not weighed. */
export async function lessonsToWeigh(
  db: Db,
  userId: string,
  workspaceId: string,
  since: string,
): Promise<DigestLesson[]> {
  const rows = await db
    .selectFrom("lessons as l")
    .innerJoin("documents as d", "d.id", "l.document_id")
    .select(["l.id", "l.kind", "l.text", "d.id as document_id", "d.title"])
    .where("l.workspace_id", "=", workspaceId)
    .where("l.status", "=", "candidate")
    .where("l.deleted_at", "is", null)
    .where("d.deleted_at", "is", null)
    .where("l.created_at", ">", since)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("lesson_themes as lt")
          .innerJoin("follows as f", "f.target_id", "lt.theme_id")
          .select("lt.lesson_id")
          .whereRef("lt.lesson_id", "=", "l.id")
          .where("f.user_id", "=", userId)
          .where("f.target_type", "=", "theme"),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("lesson_stances as s")
            .select("s.lesson_id")
            .whereRef("s.lesson_id", "=", "l.id")
            .where("s.user_id", "=", userId),
        ),
      ),
    )
    .orderBy("l.created_at")
    .orderBy("l.id")
    .limit(DIGEST_LIMITS.lessons)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    documentId: r.document_id,
    documentTitle: r.title,
  }));
}

/** Conversations others started (since `since`) on the documents the person follows, with their first message. */
export async function newThreadsOnFollowed(
  db: Db,
  userId: string,
  workspaceId: string,
  since: string,
): Promise<DigestThread[]> {
  const rows = await db
    .selectFrom("comment_threads as t")
    .innerJoin("documents as d", "d.id", "t.document_id")
    .innerJoin("follows as f", (join) =>
      join
        .onRef("f.target_id", "=", "t.document_id")
        .on("f.user_id", "=", userId)
        .on("f.target_type", "=", "document"),
    )
    .select((eb) => {
      // One column of the thread's first live message.
      const first = (column: "m.body" | "a.name") =>
        eb
          .selectFrom("comment_messages as m")
          .innerJoin("users as a", "a.id", "m.author_id")
          .select(column)
          .whereRef("m.thread_id", "=", "t.id")
          .where("m.deleted_at", "is", null)
          .orderBy("m.created_at")
          .orderBy("m.id")
          .limit(1);
      return [
        "t.id",
        "t.quote",
        "d.id as document_id",
        "d.title",
        first("m.body").as("first_message"),
        first("a.name").as("author_name"),
      ];
    })
    .where("t.workspace_id", "=", workspaceId)
    .where("t.created_at", ">", since)
    .where("t.created_by", "!=", userId)
    .where("d.deleted_at", "is", null)
    .orderBy("t.created_at")
    .orderBy("t.id")
    .limit(DIGEST_LIMITS.threads)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    quote: r.quote,
    firstMessage: r.first_message ?? null,
    authorName: r.author_name ?? null,
  }));
}

/** The live meeting document with the latest date before today (UTC), as the workspace-changes page counts it. */
export async function lastMeetingBefore(db: Db, workspaceId: string, today: string) {
  return db
    .selectFrom("documents")
    .select(["id", "title", "meeting_date"])
    .where("workspace_id", "=", workspaceId)
    .where("kind", "=", "meeting")
    .where("deleted_at", "is", null)
    .where("meeting_date", "is not", null)
    .where("meeting_date", "<", today)
    .$narrowType<{ meeting_date: string }>()
    .orderBy("meeting_date", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** Live documents changed after `after`, the latest first: titles only, no text extraction. */
export async function documentsChangedAfter(
  db: Db,
  workspaceId: string,
  after: string,
): Promise<DigestDocument[]> {
  return db
    .selectFrom("documents")
    .select(["id", "title"])
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .where("updated_at", ">", after)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(DIGEST_LIMITS.documents)
    .execute();
}
