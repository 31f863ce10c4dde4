import {
  type OpenThread,
  type OpenThreadsResponse,
  UNREAD_EXCERPT_CHARS,
} from "../../../shared/schemas/comments";
import type { Db } from "../../db/database";

/** A message the reader has not seen, with what the unread list needs. */
export interface UnreadCandidate {
  message_id: string;
  message_created_at: string;
  thread_id: string;
  thread_created_at: string;
  first_message_id: string;
  target: string;
  quote: string | null;
  document_id: string;
  document_title: string;
  author_name: string;
  body: string;
  mentioned: boolean;
}

/** Marks one thread read up to `at`. */
export async function markThreadRead(db: Db, userId: string, threadId: string, at: string): Promise<void> {
  await db
    .insertInto("comment_thread_reads")
    .values({ user_id: userId, thread_id: threadId, read_at: at })
    .onConflict((oc) => oc.columns(["user_id", "thread_id"]).doUpdateSet({ read_at: at }))
    .execute();
}

/** Marks every thread of a workspace read up to `at`. */
export async function markWorkspaceRead(
  db: Db,
  userId: string,
  workspaceId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("comment_workspace_reads")
    .values({ user_id: userId, workspace_id: workspaceId, read_at: at })
    .onConflict((oc) => oc.columns(["user_id", "workspace_id"]).doUpdateSet({ read_at: at }))
    .execute();
}

/**
 * Messages by others, not deleted, on the workspace's live documents, newer than the reader's
 * workspace marker and thread markers.
 */
export async function unreadMessages(
  db: Db,
  userId: string,
  workspaceId: string,
): Promise<UnreadCandidate[]> {
  const workspaceMark = await db
    .selectFrom("comment_workspace_reads")
    .select("read_at")
    .where("user_id", "=", userId)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  let q = db
    .selectFrom("comment_messages as m")
    .innerJoin("comment_threads as t", "t.id", "m.thread_id")
    .innerJoin("documents as d", "d.id", "t.document_id")
    .innerJoin("users as a", "a.id", "m.author_id")
    .leftJoin("comment_thread_reads as r", (join) =>
      join.onRef("r.thread_id", "=", "t.id").on("r.user_id", "=", userId),
    )
    .select([
      "m.id as message_id",
      "m.created_at as message_created_at",
      "m.body",
      "a.name as author_name",
      "t.id as thread_id",
      "t.created_at as thread_created_at",
      "t.target",
      "t.quote",
      "d.id as document_id",
      "d.title as document_title",
      "r.read_at",
    ])
    .select((eb) =>
      eb
        .selectFrom("comment_messages as first")
        .select("first.id")
        .whereRef("first.thread_id", "=", "t.id")
        .orderBy("first.created_at")
        .orderBy("first.id")
        .limit(1)
        .as("first_message_id"),
    )
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("comment_mentions as mm")
            .select("mm.user_id")
            .whereRef("mm.message_id", "=", "m.id")
            .where("mm.user_id", "=", userId),
        )
        .as("mentioned"),
    )
    .where("t.workspace_id", "=", workspaceId)
    .where("d.deleted_at", "is", null)
    .where("m.deleted_at", "is", null)
    .where("m.author_id", "<>", userId);
  if (workspaceMark) q = q.where("m.created_at", ">", workspaceMark.read_at);
  const rows = await q.execute();
  return rows
    .filter((r) => !r.read_at || r.message_created_at > r.read_at)
    .map((r) => ({
      message_id: r.message_id,
      message_created_at: r.message_created_at,
      thread_id: r.thread_id,
      thread_created_at: r.thread_created_at,
      first_message_id: r.first_message_id ?? "",
      target: r.target,
      quote: r.quote,
      document_id: r.document_id,
      document_title: r.document_title,
      author_name: r.author_name,
      body: r.body,
      // SQLite answers 0/1, PostgreSQL true/false.
      mentioned: Boolean(Number(r.mentioned)),
    }));
}

/**
 * The open threads of a workspace on documents not in the trash, latest activity first, each with who started it, how
 * many messages it holds and its newest message; and how many there are in all.
 */
export async function openThreads(db: Db, workspaceId: string, limit: number): Promise<OpenThreadsResponse> {
  const open = db
    .selectFrom("comment_threads as t")
    .innerJoin("documents as d", "d.id", "t.document_id")
    .where("t.workspace_id", "=", workspaceId)
    .where("t.resolved_at", "is", null)
    .where("d.deleted_at", "is", null);
  const total = await open.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const rows = await open
    .innerJoin("users as starter", "starter.id", "t.created_by")
    .select([
      "t.id",
      "t.target",
      "t.quote",
      "t.last_activity_at",
      "d.id as document_id",
      "d.title as document_title",
      "starter.name as started_by",
    ])
    .select((eb) =>
      eb
        .selectFrom("comment_messages as m")
        .select(eb.fn.countAll().as("n"))
        .whereRef("m.thread_id", "=", "t.id")
        .where("m.deleted_at", "is", null)
        .as("message_count"),
    )
    .orderBy("t.last_activity_at", "desc")
    .orderBy("t.id")
    .limit(limit)
    .execute();
  const latest = new Map<string, { author: string; text: string }>();
  if (rows.length > 0) {
    const messages = await db
      .selectFrom("comment_messages as m")
      .innerJoin("users as a", "a.id", "m.author_id")
      .select(["m.thread_id", "m.body", "a.name"])
      .where(
        "m.thread_id",
        "in",
        rows.map((r) => r.id),
      )
      .where("m.deleted_at", "is", null)
      .orderBy("m.created_at")
      .orderBy("m.id")
      .execute();
    for (const m of messages)
      latest.set(m.thread_id, { author: m.name, text: m.body.slice(0, UNREAD_EXCERPT_CHARS) });
  }
  return {
    total: Number(total.n),
    threads: rows.map((r) => ({
      threadId: r.id,
      documentId: r.document_id,
      documentTitle: r.document_title,
      target: r.target as OpenThread["target"],
      quote: r.quote,
      startedBy: r.started_by,
      messageCount: Number(r.message_count ?? 0),
      lastActivityAt: r.last_activity_at,
      latest: latest.get(r.id) ?? null,
    })),
  };
}
