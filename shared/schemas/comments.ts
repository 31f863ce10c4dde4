import { z } from "zod";
import { idSchema } from "./common";

/**
 * Comment threads (DESIGN.md › Concepts › Comment thread). Routes:
 * - GET  /api/documents/:id/threads?status=open|resolved|all   → { threads: CommentThread[] }        (comment.read)
 * - POST /api/documents/:id/threads  CreateThreadRequest       → 201 { thread }                      (comment.write)
 * - GET  /api/threads/:id                                      → { thread }                          (comment.read)
 * - POST /api/threads/:id/messages   PostMessageRequest        → 201 { thread, message }             (comment.write)
 * - PATCH  /api/messages/:id         EditMessageRequest        → { thread, message }  own messages only
 * - DELETE /api/messages/:id                                   → { thread }  own messages; soft delete ("message deleted")
 * - POST /api/threads/:id/resolve | /reopen                    → { thread }  comment.moderate, or the thread's author
 * - POST /api/threads/:id/read                                 → 204  marks the thread read for the caller
 * - GET  /api/workspaces/:id/unread                            → UnreadResponse (mentions first)      (comment.read)
 * - POST /api/workspaces/:id/unread/read-all                   → 204
 * Live events for all of these arrive on GET /api/workspaces/:id/events (shared/schemas/live.ts).
 * A passage anchor is a pair of Yjs relative positions (Y.encodeRelativePosition, base64) made against
 * the document's shared root `doc.get("root", Y.XmlText)` or any type nested in it, plus the quoted text.
 */
export const COMMENT_LIMITS = {
  bodyMaxLength: 10_000,
  quoteMaxLength: 2_000,
  /** Base64 characters of one encoded relative position. */
  anchorMaxLength: 512,
  mentionsMax: 50,
} as const;

const base64 = z
  .string()
  .min(4, "must be base64")
  .max(COMMENT_LIMITS.anchorMaxLength, `at most ${COMMENT_LIMITS.anchorMaxLength} characters`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64");

export const passageAnchorSchema = z.object({
  start: base64,
  end: base64,
  quote: z
    .string()
    .trim()
    .min(1, "is required")
    .max(COMMENT_LIMITS.quoteMaxLength, `at most ${COMMENT_LIMITS.quoteMaxLength} characters`),
});
export type PassageAnchor = z.infer<typeof passageAnchorSchema>;

const messageBody = z
  .string()
  .trim()
  .min(1, "is required")
  .max(COMMENT_LIMITS.bodyMaxLength, `at most ${COMMENT_LIMITS.bodyMaxLength} characters`);
const mentions = z
  .array(idSchema)
  .max(COMMENT_LIMITS.mentionsMax, `at most ${COMMENT_LIMITS.mentionsMax} mentions`)
  .default([]);

export const threadTargets = ["passage", "lesson", "document"] as const;
export type ThreadTarget = (typeof threadTargets)[number];

export const createThreadRequest = z.discriminatedUnion("target", [
  z.object({ target: z.literal("passage"), anchor: passageAnchorSchema, body: messageBody, mentions }),
  z.object({ target: z.literal("lesson"), lessonId: z.string().min(1).max(64), body: messageBody, mentions }),
  z.object({ target: z.literal("document"), body: messageBody, mentions }),
]);
export type CreateThreadRequest = z.input<typeof createThreadRequest>;
export type CreateThreadInput = z.output<typeof createThreadRequest>;

export const postMessageRequest = z.object({ body: messageBody, mentions });
export type PostMessageRequest = z.input<typeof postMessageRequest>;
export const editMessageRequest = z.object({ body: messageBody, mentions });
export type EditMessageRequest = z.input<typeof editMessageRequest>;

export const threadListQuery = z.object({ status: z.enum(["open", "resolved", "all"]).default("all") });

const person = z.object({ id: z.string(), name: z.string() });

export const commentMessageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: person,
  /** null once deleted: the client shows "message deleted". */
  body: z.string().nullable(),
  deleted: z.boolean(),
  mentions: z.array(person),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type CommentMessage = z.infer<typeof commentMessageSchema>;

export const commentThreadSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  documentId: z.string(),
  target: z.enum(threadTargets),
  /** Passage threads only. */
  anchor: passageAnchorSchema.nullable(),
  /** Lesson threads only. */
  lessonId: z.string().nullable(),
  /** The passage (or lesson) is gone from the current document; the quote stays. */
  outdated: z.boolean(),
  /** The text the anchor covers now (blocks joined by "\n"); null when outdated or not a passage. */
  currentQuote: z.string().nullable(),
  resolved: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedBy: person.nullable(),
  createdBy: person,
  createdAt: z.string(),
  lastActivityAt: z.string(),
  messages: z.array(commentMessageSchema),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const unreadItemSchema = z.object({
  threadId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  target: z.enum(threadTargets),
  quote: z.string().nullable(),
  /** The whole thread is new to the caller (its first message is unread). */
  newThread: z.boolean(),
  unreadCount: z.number(),
  /** An unread message mentions the caller. */
  mentioned: z.boolean(),
  latestAt: z.string(),
  /** The newest unread message: who wrote it and its text (cut to UNREAD_EXCERPT_CHARS). */
  latest: z.object({ author: z.string(), text: z.string() }),
});
/** How much of a message the unread list shows. */
export const UNREAD_EXCERPT_CHARS = 280;
export type UnreadItem = z.infer<typeof unreadItemSchema>;
/** Mentions first, then the most recent. */
export type UnreadResponse = { items: UnreadItem[]; total: number; mentions: number };

/** GET /api/workspaces/:id/threads?limit= → the open threads of the workspace, latest activity first. */
export const openThreadsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) });
export const openThreadSchema = z.object({
  threadId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  target: z.enum(threadTargets),
  quote: z.string().nullable(),
  startedBy: z.string(),
  messageCount: z.number(),
  lastActivityAt: z.string(),
  /** The newest message: who wrote it and its text (cut to UNREAD_EXCERPT_CHARS). */
  latest: z.object({ author: z.string(), text: z.string() }).nullable(),
});
export type OpenThread = z.infer<typeof openThreadSchema>;
export const openThreadsResponse = z.object({ threads: z.array(openThreadSchema), total: z.number() });
export type OpenThreadsResponse = z.infer<typeof openThreadsResponse>;
