import {
  type CommentMessage,
  type CommentThread,
  type ThreadTarget,
  UNREAD_EXCERPT_CHARS,
  type UnreadItem,
  type UnreadResponse,
} from "../../../shared/schemas/comments";
import type { UnreadCandidate } from "./comments.reads";
import type { MessageRecord, ThreadRecord } from "./comments.repo";

/** What the current document says about a thread's anchor (computed by the service). */
export interface ThreadState {
  outdated: boolean;
  currentQuote: string | null;
}

/** A message as the API shows it; a deleted one keeps its place without its text. */
export function presentMessage(row: MessageRecord): CommentMessage {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    threadId: row.thread_id,
    author: { id: row.author_id, name: row.author_name },
    body: deleted ? null : row.body,
    deleted,
    mentions: deleted ? [] : row.mentions.map((m) => ({ id: m.id, name: m.name })),
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

/** A thread as the API shows it, field by field. */
export function presentThread(row: ThreadRecord, state: ThreadState): CommentThread {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    documentId: row.document_id,
    target: row.target as ThreadTarget,
    anchor:
      row.target === "passage" && row.anchor_start && row.anchor_end
        ? { start: row.anchor_start, end: row.anchor_end, quote: row.quote ?? "" }
        : null,
    lessonId: row.lesson_id,
    outdated: state.outdated,
    currentQuote: state.currentQuote,
    resolved: row.resolved_at !== null,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by ? { id: row.resolved_by, name: row.resolved_by_name ?? "" } : null,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    messages: row.messages.map(presentMessage),
  };
}

/** A message's text for a list: at most UNREAD_EXCERPT_CHARS, cut at a word where it can be, with an ellipsis. */
function excerpt(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text.length <= UNREAD_EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(" ", UNREAD_EXCERPT_CHARS - 1);
  return `${text.slice(0, cut > UNREAD_EXCERPT_CHARS / 2 ? cut : UNREAD_EXCERPT_CHARS - 1)}…`;
}

/** Groups unread messages by thread: mentions first, then the most recent. */
export function presentUnread(candidates: UnreadCandidate[]): UnreadResponse {
  const byThread = new Map<string, UnreadItem>();
  for (const c of candidates) {
    const item = byThread.get(c.thread_id) ?? {
      threadId: c.thread_id,
      documentId: c.document_id,
      documentTitle: c.document_title,
      target: c.target as ThreadTarget,
      quote: c.quote,
      newThread: false,
      unreadCount: 0,
      mentioned: false,
      latestAt: c.message_created_at,
      latest: { author: c.author_name, text: excerpt(c.body) },
    };
    item.unreadCount++;
    item.mentioned ||= c.mentioned;
    item.newThread ||= c.message_id === c.first_message_id;
    if (c.message_created_at > item.latestAt) {
      item.latestAt = c.message_created_at;
      item.latest = { author: c.author_name, text: excerpt(c.body) };
    }
    byThread.set(c.thread_id, item);
  }
  const items = Array.from(byThread.values()).sort(
    (a, b) => Number(b.mentioned) - Number(a.mentioned) || b.latestAt.localeCompare(a.latestAt),
  );
  return { items, total: candidates.length, mentions: candidates.filter((c) => c.mentioned).length };
}
