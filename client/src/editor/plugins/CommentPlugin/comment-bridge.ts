import { createContext, useContext } from "react";
import type { PassageAnchor } from "../../../../../shared/schemas/comments";

/** A passage thread as the editor needs it: where to draw it. */
export interface CommentPassage {
  id: string;
  start: string;
  end: string;
  resolved: boolean;
}

/** What the editor found for a passage in the current text. */
export interface PassageState {
  outdated: boolean;
  currentQuote: string | null;
}

/**
 * What the comments feature hands the editor (through context, so DocumentEditor stays unaware):
 * the passages to highlight, and what to do when someone comments or clicks a highlight.
 */
export interface CommentBridge {
  canComment: boolean;
  passages: CommentPassage[];
  activeThreadId: string | null;
  focusThread(threadId: string): void;
  commentOnPassage(anchor: PassageAnchor): void;
  commentOnLesson(lessonId: string): void;
  /** Called after every change of the text with the state of each passage. */
  reportPassages(states: Map<string, PassageState>): void;
}

export const CommentBridgeContext = createContext<CommentBridge | null>(null);

/** The comments bridge of the page, or null when the page shows no comments. */
export const useCommentBridge = () => useContext(CommentBridgeContext);
