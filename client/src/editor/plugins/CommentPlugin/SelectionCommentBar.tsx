import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { $anchorFromDomSelection } from "./anchor-mapping";
import type { CommentBridge } from "./comment-bridge";

interface BarState {
  top: number;
  left: number;
  passage: boolean;
  lessonId: string | null;
}

/** Ctrl+Alt+M (Cmd+Alt+M on a Mac), as in common word processors. */
const isCommentShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM";

function lessonAround(node: Node | null, root: HTMLElement): string | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const lesson = element?.closest<HTMLElement>("[data-lesson-id]");
  return lesson && root.contains(lesson) ? (lesson.dataset.lessonId ?? null) : null;
}

/**
 * A small bar above the selected text with "Reageer" (and "Reageer op les" inside a lesson block).
 * It follows the browser's selection, so it works in read-only editors too (commenters, viewers).
 */
export function SelectionCommentBar({ bridge, doc }: { bridge: CommentBridge; doc: Y.Doc | undefined }) {
  const { t } = useTranslation("comments");
  const [editor] = useLexicalComposerContext();
  const [bar, setBar] = useState<BarState | null>(null);
  const barRef = useRef<HTMLDivElement>(null);

  const commentOnSelection = useCallback(() => {
    if (!doc) return false;
    const anchor = editor.read(() => $anchorFromDomSelection(editor, doc));
    if (!anchor) return false;
    bridge.commentOnPassage(anchor);
    setBar(null);
    return true;
  }, [bridge, doc, editor]);

  useEffect(() => {
    const onSelectionChange = () => {
      const root = editor.getRootElement();
      const selection = window.getSelection();
      const layer = barRef.current;
      if (!root || !selection || selection.rangeCount === 0 || !layer) return setBar(null);
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) {
        // Focus moving into the bar itself keeps it.
        if (barRef.current?.contains(document.activeElement)) return;
        return setBar(null);
      }
      const lessonId = lessonAround(range.commonAncestorContainer, root);
      const passage = !selection.isCollapsed && selection.toString().trim().length > 0;
      // A caret in a lesson offers the lesson only to readers; writers have the lesson's own controls
      // there and reach it with the shortcut.
      if (!passage && (!lessonId || editor.isEditable())) return setBar(null);
      const rect = range.getBoundingClientRect();
      const origin = layer.getBoundingClientRect();
      setBar({
        top: Math.max(0, rect.top - origin.top - 40),
        left: Math.max(0, rect.left - origin.left),
        passage,
        lessonId,
      });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      const root = editor.getRootElement();
      const anchorNode = window.getSelection()?.anchorNode ?? null;
      if (!root || !anchorNode || !root.contains(anchorNode)) return;
      event.preventDefault();
      if (!commentOnSelection()) {
        const lessonId = lessonAround(anchorNode, root);
        if (lessonId) bridge.commentOnLesson(lessonId);
      }
    };
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("keydown", onKeyDown);
    // Deleting the selected text collapses the selection without a selectionchange in Chromium.
    const unregister = editor.registerUpdateListener(onSelectionChange);
    return () => {
      unregister();
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [editor, bridge, commentOnSelection]);

  return (
    <div ref={barRef} className="comment-bar-anchor">
      {bar && bridge.canComment && (
        <div
          className="comment-bar"
          role="toolbar"
          aria-label={t("bar.label")}
          style={{ top: bar.top, left: bar.left }}
          // Keep the text selected while the pointer presses a button.
          onMouseDown={(event) => event.preventDefault()}
        >
          {bar.passage && (
            <button
              type="button"
              className="comment-bar__button"
              title={t("bar.shortcut")}
              onClick={() => commentOnSelection()}
            >
              {t("bar.comment")}
            </button>
          )}
          {bar.lessonId && (
            <button
              type="button"
              className="comment-bar__button"
              onClick={() => {
                if (bar.lessonId) bridge.commentOnLesson(bar.lessonId);
                setBar(null);
              }}
            >
              {t("bar.commentOnLesson")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
