import type * as Y from "yjs";
import type { Role } from "../../../shared/roles";
import type {
  CommentThread,
  CreateThreadInput,
  OpenThreadsResponse,
  UnreadResponse,
} from "../../../shared/schemas/comments";
import type { CommentLiveEvent } from "../../../shared/schemas/live";
import type { AccessControl } from "../../auth/access";
import { type Action, can } from "../../auth/policy";
import { anchorState, validateNewAnchor } from "../../comments/anchor";
import type { Db } from "../../db/database";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { newId, nowIso } from "../../ids";
import type { LiveHub } from "../../live/live-hub";
import type { MessageHook } from "../notifications/comment-notices";
import { presentThread, presentUnread, type ThreadState } from "./comment.presenter";
import { markThreadRead, markWorkspaceRead, openThreads, unreadMessages } from "./comments.reads";
import * as repo from "./comments.repo";

/** Reads the current state of a document (the collaboration server's readDocument). */
export type DocumentReader = (documentId: string) => Promise<Y.Doc>;

type Posted = { body: string; mentions: string[] };

/** A trashed document is closed for comments: no new thread, reply, edit, delete, resolve or reopen. */
function refuseTrashed(documentDeletedAt: string | null): void {
  if (documentDeletedAt) throw conflict("The document is in the trash.");
}

/** Comment threads: anchored outside the CRDT, replies, resolution, mentions, unread, live events. */
export class CommentsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly readDocument: DocumentReader,
    private readonly live: LiveHub,
    /** Records who is to be mailed about a new message, in its transaction (when email is on). */
    private readonly onMessage?: MessageHook,
  ) {}

  /** Threads of a document, each with whether its passage (or lesson) still exists. */
  async list(
    user: SessionUser,
    documentId: string,
    status: "open" | "resolved" | "all",
  ): Promise<CommentThread[]> {
    await this.access.requireDocument(user, documentId, "comment.read");
    return this.present(documentId, await repo.loadThreads(this.db, { documentId, status }));
  }

  /** One thread with its messages. */
  async get(user: SessionUser, threadId: string): Promise<CommentThread> {
    await this.allowedThread(user, threadId, "comment.read");
    return this.reload(threadId);
  }

  /** Opens a thread on a passage, a lesson or the whole document, with its first message. */
  async create(user: SessionUser, documentId: string, input: CreateThreadInput): Promise<CommentThread> {
    const { workspaceId } = await this.access.requireDocument(user, documentId, "comment.write");
    const doc = await this.db
      .selectFrom("documents")
      .select("deleted_at")
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    refuseTrashed(doc.deleted_at);
    await this.checkMentions(workspaceId, input.mentions);
    let anchor: { start: string; end: string; quote: string } | null = null;
    let lessonId: string | null = null;
    if (input.target === "passage") {
      const check = validateNewAnchor(
        await this.readDocument(documentId),
        input.anchor.start,
        input.anchor.end,
      );
      if (!check.ok) {
        const field = check.field === "range" ? "anchor" : `anchor.${check.field}`;
        throw badRequest(`${field}: must be a relative position covering text of this document`, field);
      }
      anchor = { start: input.anchor.start, end: input.anchor.end, quote: input.anchor.quote };
    } else if (input.target === "lesson") {
      const lesson = await this.db
        .selectFrom("lessons")
        .select("id")
        .where("id", "=", input.lessonId)
        .where("document_id", "=", documentId)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (!lesson) throw badRequest("lessonId: no such lesson in this document", "lessonId");
      lessonId = lesson.id;
    }
    const at = nowIso();
    const threadId = newId();
    const messageId = newId();
    await repo.insertThread(
      this.db,
      {
        id: threadId,
        workspaceId,
        documentId,
        target: input.target,
        anchorStart: anchor?.start ?? null,
        anchorEnd: anchor?.end ?? null,
        quote: anchor?.quote ?? null,
        lessonId,
        createdBy: user.id,
        at,
      },
      { id: messageId, threadId, authorId: user.id, body: input.body, at, mentions: input.mentions },
      this.onMessage,
    );
    await markThreadRead(this.db, user.id, threadId, at);
    const thread = await this.reload(threadId);
    this.publish({ type: "comment.threadCreated", workspaceId, documentId, thread });
    return thread;
  }

  /** Adds a reply (which also marks the thread read for its author). */
  async reply(user: SessionUser, threadId: string, input: Posted) {
    const row = await this.allowedThread(user, threadId, "comment.write");
    refuseTrashed(row.document_deleted_at);
    await this.checkMentions(row.workspace_id, input.mentions);
    const at = nowIso();
    const id = newId();
    await repo.insertMessage(
      this.db,
      {
        id,
        threadId,
        authorId: user.id,
        body: input.body,
        at,
        mentions: input.mentions,
      },
      this.onMessage,
    );
    await markThreadRead(this.db, user.id, threadId, at);
    const thread = await this.reload(threadId);
    const message = this.messageOf(thread, id);
    this.publish({
      type: "comment.messageAdded",
      workspaceId: row.workspace_id,
      documentId: row.document_id,
      thread,
      message,
    });
    return { thread, message };
  }

  /** Edits one's own message. */
  async edit(user: SessionUser, messageId: string, input: Posted) {
    const row = await this.ownMessage(user, messageId);
    await this.checkMentions(row.workspace_id, input.mentions);
    await repo.updateMessage(this.db, messageId, input.body, input.mentions, nowIso());
    const thread = await this.reload(row.thread_id);
    const message = this.messageOf(thread, messageId);
    this.publish({
      type: "comment.messageEdited",
      workspaceId: row.workspace_id,
      documentId: thread.documentId,
      thread,
      message,
    });
    return { thread, message };
  }

  /** Deletes one's own message softly: the thread keeps a "message deleted" in its place. */
  async remove(user: SessionUser, messageId: string): Promise<CommentThread> {
    const row = await this.ownMessage(user, messageId);
    await repo.softDeleteMessage(this.db, messageId, nowIso());
    const thread = await this.reload(row.thread_id);
    this.publish({
      type: "comment.messageDeleted",
      workspaceId: row.workspace_id,
      documentId: thread.documentId,
      thread,
      messageId,
    });
    return thread;
  }

  /** Resolves (true) or reopens (false): facilitators, editors and the thread's author. */
  async setResolved(user: SessionUser, threadId: string, resolved: boolean): Promise<CommentThread> {
    const row = await this.allowedThread(user, threadId, "comment.write");
    const role = await this.access.roleIn(row.workspace_id, user.id);
    if (!can(role, "comment.moderate") && row.created_by !== user.id) {
      throw forbidden("Only facilitators, editors and the thread's author resolve or reopen it.");
    }
    refuseTrashed(row.document_deleted_at);
    if ((row.resolved_at !== null) !== resolved)
      await repo.setResolved(this.db, threadId, resolved ? user.id : null, nowIso());
    const thread = await this.reload(threadId);
    const type = resolved ? "comment.threadResolved" : "comment.threadReopened";
    this.publish({ type, workspaceId: row.workspace_id, documentId: row.document_id, thread });
    return thread;
  }

  /** Marks a thread read for the caller up to now. */
  async markRead(user: SessionUser, threadId: string): Promise<void> {
    await this.allowedThread(user, threadId, "comment.read");
    await markThreadRead(this.db, user.id, threadId, nowIso());
  }

  /** What is new for the caller in the workspace since they last looked: mentions first. */
  async unread(user: SessionUser, workspaceId: string): Promise<UnreadResponse> {
    await this.access.requireWorkspace(user, workspaceId, "comment.read");
    return presentUnread(await unreadMessages(this.db, user.id, workspaceId));
  }

  /** The workspace's open threads, latest activity first (the workspace home's "open conversations"). */
  async openThreads(user: SessionUser, workspaceId: string, limit: number): Promise<OpenThreadsResponse> {
    await this.access.requireWorkspace(user, workspaceId, "comment.read");
    return openThreads(this.db, workspaceId, limit);
  }

  /** Marks every thread of the workspace read for the caller up to now. */
  async markAllRead(user: SessionUser, workspaceId: string): Promise<void> {
    await this.access.requireWorkspace(user, workspaceId, "comment.read");
    await markWorkspaceRead(this.db, user.id, workspaceId, nowIso());
  }

  private publish(event: CommentLiveEvent): void {
    this.live.publish(event.workspaceId, event);
  }

  private messageOf(thread: CommentThread, messageId: string) {
    const message = thread.messages.find((m) => m.id === messageId);
    if (!message) throw notFound("Message");
    return message;
  }

  private async checkMentions(workspaceId: string, mentions: string[]): Promise<void> {
    const unique = Array.from(new Set(mentions));
    if ((await repo.countMembers(this.db, workspaceId, unique)) !== unique.length) {
      throw badRequest("mentions: everyone mentioned must be a member of this workspace", "mentions");
    }
  }

  private async allowedThread(user: SessionUser, threadId: string, action: Action) {
    const row = await repo.findThreadRow(this.db, threadId);
    if (!row) throw notFound("Thread");
    await this.requireIn(user, row.workspace_id, action, "Thread");
    return row;
  }

  private async ownMessage(user: SessionUser, messageId: string) {
    const row = await repo.findMessageRow(this.db, messageId);
    if (!row) throw notFound("Message");
    await this.requireIn(user, row.workspace_id, "comment.write", "Message");
    if (row.author_id !== user.id) throw forbidden("You may only change your own messages.");
    if (row.deleted_at) throw conflict("The message was deleted.");
    refuseTrashed(row.document_deleted_at);
    return row;
  }

  /** A workspace the caller is not in hides the thing itself: 404 under its own name. */
  private async requireIn(
    user: SessionUser,
    workspaceId: string,
    action: Action,
    what: string,
  ): Promise<Role> {
    try {
      return await this.access.requireWorkspace(user, workspaceId, action);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound(what);
      throw error;
    }
  }

  private async reload(threadId: string): Promise<CommentThread> {
    const rows = await repo.loadThreads(this.db, { threadId });
    if (!rows[0]) throw notFound("Thread");
    const [thread] = await this.present(rows[0].document_id, rows);
    return thread;
  }

  /** Presents threads of one document, resolving anchors against its current state once. */
  private async present(documentId: string, rows: repo.ThreadRecord[]): Promise<CommentThread[]> {
    const doc = rows.some((r) => r.target === "passage") ? await this.readDocument(documentId) : undefined;
    const lessonIds = rows.flatMap((r) => (r.lesson_id ? [r.lesson_id] : []));
    const liveLessons = new Set(
      lessonIds.length
        ? (
            await this.db
              .selectFrom("lessons")
              .select("id")
              .where("id", "in", lessonIds)
              .where("document_id", "=", documentId)
              .where("deleted_at", "is", null)
              .execute()
          ).map((l) => l.id)
        : [],
    );
    return rows.map((row) => presentThread(row, this.stateOf(row, doc, liveLessons)));
  }

  private stateOf(row: repo.ThreadRecord, doc: Y.Doc | undefined, liveLessons: Set<string>): ThreadState {
    if (row.target === "passage" && doc && row.anchor_start && row.anchor_end) {
      const state = anchorState(doc, row.anchor_start, row.anchor_end);
      return { outdated: state.outdated, currentQuote: state.currentText };
    }
    if (row.target === "lesson")
      return { outdated: !liveLessons.has(row.lesson_id ?? ""), currentQuote: null };
    return { outdated: false, currentQuote: null };
  }
}
