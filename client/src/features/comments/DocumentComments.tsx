import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { PassageAnchor } from "../../../../shared/schemas/comments";
import type { Role } from "../../../../shared/roles";
import {
  type CommentBridge,
  CommentBridgeContext,
  type PassageState,
} from "../../editor/plugins/CommentPlugin/comment-bridge";
import { useMarkThreadRead, useThreads } from "./comment-queries";
import { type Draft, type ScrollRequest, ThreadPanel } from "./ThreadPanel";
import "./comments.css";

const writeRoles: readonly Role[] = ["facilitator", "editor", "commenter"];
const moderateRoles: readonly Role[] = ["facilitator", "editor"];

export interface DocumentCommentsProps {
  workspaceId: string;
  documentId: string;
  role: Role;
  userId: string;
  /** The editor; it finds the comments through context. */
  children: ReactNode;
}

const sameStates = (a: Map<string, PassageState>, b: Map<string, PassageState>) =>
  a.size === b.size &&
  [...a].every(([id, s]) => b.get(id)?.outdated === s.outdated && b.get(id)?.currentQuote === s.currentQuote);

/**
 * The document's comments beside its editor: feeds the editor the passages to highlight, takes
 * "Reageer" from it, and shows the thread panel. `?reactie=<threadId>` opens a thread.
 */
export function DocumentComments({ workspaceId, documentId, role, userId, children }: DocumentCommentsProps) {
  const threads = useThreads(documentId);
  const markRead = useMarkThreadRead(workspaceId);
  const [search] = useSearchParams();
  const [activeThreadId, setActiveThreadId] = useState<string | null>(() => search.get("reactie"));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [passageStates, setPassageStates] = useState(() => new Map<string, PassageState>());
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest>({ count: 0, moveFocus: false });
  const canComment = writeRoles.includes(role);

  const passages = useMemo(
    () =>
      (threads.data ?? []).flatMap((thread) =>
        thread.anchor
          ? [{ id: thread.id, start: thread.anchor.start, end: thread.anchor.end, resolved: thread.resolved }]
          : [],
      ),
    [threads.data],
  );

  // A click on a highlight only brings the thread into view (an editor may be placing the caret);
  // after posting a new thread, focus moves to it so keyboard users land on what they made.
  const focusThread = useCallback((threadId: string, moveFocus = false) => {
    setActiveThreadId(threadId);
    setScrollRequest((old) => ({ count: old.count + 1, moveFocus }));
  }, []);

  const bridge = useMemo<CommentBridge>(
    () => ({
      canComment,
      passages,
      activeThreadId,
      focusThread,
      commentOnPassage: (anchor: PassageAnchor) => setDraft({ target: "passage", anchor }),
      commentOnLesson: (lessonId: string) => setDraft({ target: "lesson", lessonId }),
      reportPassages: (states) => setPassageStates((old) => (sameStates(old, states) ? old : states)),
    }),
    [canComment, passages, activeThreadId, focusThread],
  );

  // Opening a thread counts as reading it, and so does having it open when replies arrive.
  const { mutate: markThreadRead } = markRead;
  const activeActivity = threads.data?.find((t) => t.id === activeThreadId)?.lastActivityAt;
  useEffect(() => {
    if (activeThreadId && activeActivity) markThreadRead(activeThreadId);
  }, [activeThreadId, activeActivity, markThreadRead]);

  return (
    <div className="document-comments">
      <div className="document-comments__main">
        <CommentBridgeContext.Provider value={bridge}>{children}</CommentBridgeContext.Provider>
      </div>
      <ThreadPanel
        workspaceId={workspaceId}
        documentId={documentId}
        threads={threads}
        passageStates={passageStates}
        activeThreadId={activeThreadId}
        scrollRequest={scrollRequest}
        onActivate={setActiveThreadId}
        draft={draft}
        onDraft={setDraft}
        onCreated={(threadId) => focusThread(threadId, true)}
        me={userId}
        canComment={canComment}
        canModerate={moderateRoles.includes(role)}
      />
    </div>
  );
}
