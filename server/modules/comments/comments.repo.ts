import type { Db } from "../../db/database";
import type { CommentThreadsTable } from "../../db/schema";
import type { MessageHook } from "../notifications/comment-notices";

/** A thread row with its people's names and its messages, ready for the presenter. */
export interface ThreadRecord extends CommentThreadsTable {
  created_by_name: string;
  resolved_by_name: string | null;
  messages: MessageRecord[];
}

export interface MessageRecord {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  mentions: Array<{ id: string; name: string }>;
}

export interface NewThread {
  id: string;
  workspaceId: string;
  documentId: string;
  target: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string | null;
  lessonId: string | null;
  createdBy: string;
  at: string;
}

export interface NewMessage {
  id: string;
  threadId: string;
  authorId: string;
  body: string;
  at: string;
  mentions: string[];
}

/** Creates a thread with its first message, in one transaction (with what `onMessage` records for it). */
export async function insertThread(
  db: Db,
  thread: NewThread,
  first: NewMessage,
  onMessage?: MessageHook,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("comment_threads")
      .values({
        id: thread.id,
        workspace_id: thread.workspaceId,
        document_id: thread.documentId,
        target: thread.target,
        anchor_start: thread.anchorStart,
        anchor_end: thread.anchorEnd,
        quote: thread.quote,
        lesson_id: thread.lessonId,
        created_by: thread.createdBy,
        created_at: thread.at,
        last_activity_at: thread.at,
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
    await insertMessageIn(tx, first, onMessage);
  });
}

/** Adds a reply and moves the thread's last activity (with what `onMessage` records for it). */
export async function insertMessage(db: Db, message: NewMessage, onMessage?: MessageHook): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await insertMessageIn(tx, message, onMessage);
    await tx
      .updateTable("comment_threads")
      .set({ last_activity_at: message.at })
      .where("id", "=", message.threadId)
      .execute();
  });
}

async function insertMessageIn(tx: Db, m: NewMessage, onMessage?: MessageHook): Promise<void> {
  await tx
    .insertInto("comment_messages")
    .values({
      id: m.id,
      thread_id: m.threadId,
      author_id: m.authorId,
      body: m.body,
      created_at: m.at,
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  await replaceMentions(tx, m.id, m.mentions);
  await onMessage?.(tx, {
    messageId: m.id,
    threadId: m.threadId,
    authorId: m.authorId,
    mentions: m.mentions,
    at: m.at,
  });
}

async function replaceMentions(tx: Db, messageId: string, userIds: string[]): Promise<void> {
  await tx.deleteFrom("comment_mentions").where("message_id", "=", messageId).execute();
  const unique = Array.from(new Set(userIds));
  if (unique.length) {
    await tx
      .insertInto("comment_mentions")
      .values(unique.map((user_id) => ({ message_id: messageId, user_id })))
      .execute();
  }
}

/** Replaces a message's text and mentions. */
export async function updateMessage(
  db: Db,
  messageId: string,
  body: string,
  mentions: string[],
  at: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("comment_messages")
      .set({ body, edited_at: at })
      .where("id", "=", messageId)
      .execute();
    await replaceMentions(tx, messageId, mentions);
  });
}

/** Soft delete: the row stays so the thread reads on ("message deleted"); its text and mentions go. */
export async function softDeleteMessage(db: Db, messageId: string, at: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("comment_messages")
      .set({ body: "", deleted_at: at })
      .where("id", "=", messageId)
      .execute();
    await tx.deleteFrom("comment_mentions").where("message_id", "=", messageId).execute();
  });
}

/** Resolves (by a user) or reopens (by null) a thread. */
export async function setResolved(db: Db, threadId: string, by: string | null, at: string): Promise<void> {
  await db
    .updateTable("comment_threads")
    .set({ resolved_at: by ? at : null, resolved_by: by, last_activity_at: at })
    .where("id", "=", threadId)
    .execute();
}

/** The bare thread row with when its document went to the trash, for access checks. */
export function findThreadRow(db: Db, threadId: string) {
  return db
    .selectFrom("comment_threads")
    .innerJoin("documents", "documents.id", "comment_threads.document_id")
    .selectAll("comment_threads")
    .select("documents.deleted_at as document_deleted_at")
    .where("comment_threads.id", "=", threadId)
    .executeTakeFirst();
}

/** A message with its thread's workspace and when its document went to the trash, for access checks. */
export function findMessageRow(db: Db, messageId: string) {
  return db
    .selectFrom("comment_messages")
    .innerJoin("comment_threads", "comment_threads.id", "comment_messages.thread_id")
    .innerJoin("documents", "documents.id", "comment_threads.document_id")
    .select([
      "comment_messages.id",
      "comment_messages.thread_id",
      "comment_messages.author_id",
      "comment_messages.deleted_at",
      "comment_threads.workspace_id",
      "documents.deleted_at as document_deleted_at",
    ])
    .where("comment_messages.id", "=", messageId)
    .executeTakeFirst();
}

/** How many of these users are members of the workspace. */
export async function countMembers(db: Db, workspaceId: string, userIds: string[]): Promise<number> {
  if (!userIds.length) return 0;
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "in", userIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Threads of a document (or one thread), oldest first, with their messages. */
export async function loadThreads(
  db: Db,
  where: { documentId: string; status: "open" | "resolved" | "all" } | { threadId: string },
): Promise<ThreadRecord[]> {
  let q = db
    .selectFrom("comment_threads as t")
    .innerJoin("users as creator", "creator.id", "t.created_by")
    .leftJoin("users as resolver", "resolver.id", "t.resolved_by")
    .selectAll("t")
    .select(["creator.name as created_by_name", "resolver.name as resolved_by_name"]);
  if ("threadId" in where) q = q.where("t.id", "=", where.threadId);
  else {
    q = q.where("t.document_id", "=", where.documentId);
    if (where.status === "open") q = q.where("t.resolved_at", "is", null);
    if (where.status === "resolved") q = q.where("t.resolved_at", "is not", null);
  }
  const threads = await q.orderBy("t.created_at").orderBy("t.id").execute();
  if (!threads.length) return [];
  const ids = threads.map((t) => t.id);
  const messages = await db
    .selectFrom("comment_messages as m")
    .innerJoin("users", "users.id", "m.author_id")
    .selectAll("m")
    .select("users.name as author_name")
    .where("m.thread_id", "in", ids)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
  const mentions = messages.length
    ? await db
        .selectFrom("comment_mentions")
        .innerJoin("users", "users.id", "comment_mentions.user_id")
        .select(["comment_mentions.message_id", "users.id", "users.name"])
        .where(
          "comment_mentions.message_id",
          "in",
          messages.map((m) => m.id),
        )
        .orderBy("users.name")
        .execute()
    : [];
  const byMessage = new Map<string, Array<{ id: string; name: string }>>();
  for (const m of mentions)
    byMessage.set(m.message_id, [...(byMessage.get(m.message_id) ?? []), { id: m.id, name: m.name }]);
  const byThread = new Map<string, MessageRecord[]>();
  for (const m of messages) {
    const record: MessageRecord = { ...m, mentions: byMessage.get(m.id) ?? [] };
    byThread.set(m.thread_id, [...(byThread.get(m.thread_id) ?? []), record]);
  }
  return threads.map((t) => ({ ...t, messages: byThread.get(t.id) ?? [] }));
}
