import type { Db } from "../../db/database";
import { newId } from "../../ids";

/** A message just written, as the notices need it. */
export interface PostedMessage {
  messageId: string;
  threadId: string;
  authorId: string;
  mentions: readonly string[];
  at: string;
}

/** Records notices for a new message inside the transaction that writes it (comments.repo.ts). */
export type MessageHook = (tx: Db, message: PostedMessage) => Promise<void>;

/**
 * Who is to be told about a new message, recorded in the message's own transaction (so a notice
 * exists exactly when the message does): everyone it mentions, and everyone who took part in the
 * thread before (its author and earlier repliers) as a reply; never the writer. Whether they still
 * want mail, can still see it or have already read it is decided when the mail is made.
 */
export const recordCommentNotices: MessageHook = async (tx, message) => {
  const mentioned = new Set(message.mentions);
  mentioned.delete(message.authorId);
  const earlier = await tx
    .selectFrom("comment_messages")
    .select("author_id")
    .distinct()
    .where("thread_id", "=", message.threadId)
    .where("id", "!=", message.messageId)
    .where("deleted_at", "is", null)
    .execute();
  const thread = await tx
    .selectFrom("comment_threads")
    .select("created_by")
    .where("id", "=", message.threadId)
    .executeTakeFirst();
  const repliedTo = new Set([...earlier.map((r) => r.author_id), ...(thread ? [thread.created_by] : [])]);
  repliedTo.delete(message.authorId);
  for (const id of mentioned) repliedTo.delete(id);
  const rows = [
    ...[...mentioned].map((user_id) => ({ user_id, reason: "mention" })),
    ...[...repliedTo].map((user_id) => ({ user_id, reason: "reply" })),
  ].map((r) => ({ ...r, id: newId(), message_id: message.messageId, created_at: message.at }));
  if (rows.length) await tx.insertInto("comment_notices").values(rows).execute();
};
