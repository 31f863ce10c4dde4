import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  $hasUpdateTag,
  COLLABORATION_TAG,
  CUT_TAG,
  HISTORY_MERGE_TAG,
  type LexicalNode,
} from "lexical";
import { mergeRegister } from "@lexical/utils";
import { useEffect } from "react";
import { $isLessonNode, LessonNode, newLessonId } from "../../../../../shared/editor/lesson-node";

/** Every lesson block of the document, in order. */
function $lessonBlocks(): LessonNode[] {
  const found: LessonNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isLessonNode(node)) found.push(node);
    else if ("getChildren" in node && typeof node.getChildren === "function")
      for (const child of (node as { getChildren(): LexicalNode[] }).getChildren()) visit(child);
  };
  visit($getRoot());
  return found;
}

/**
 * A lesson is its id: status, endorsements and objections hang on it. In the editor of the person who made
 * the change: a block a cut emptied goes with its text (the clipboard holds the block, see
 * LessonNode.extractWithChild, so pasting brings it back with its id: moving a lesson keeps it), and a new
 * block whose id another block already holds — a copy — gets an id of its own. Changes that came from other
 * people's editors are left alone: theirs settled it already.
 */
export function LessonIdentityPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        // After a cut: a lesson block it emptied goes too (in the same undo step).
        editor.registerUpdateListener(({ tags, prevEditorState, editorState }) => {
          if (!tags.has(CUT_TAG)) return;
          const emptied = editorState.read(() =>
            $lessonBlocks()
              .filter((lesson) => lesson.getTextContentSize() === 0)
              .map((lesson) => lesson.getKey()),
          );
          const wereFull = prevEditorState.read(() =>
            emptied.filter((key) => ($getNodeByKey(key)?.getTextContentSize() ?? 0) > 0),
          );
          if (wereFull.length === 0) return;
          editor.update(
            () => {
              for (const key of wereFull) {
                const lesson = $getNodeByKey(key);
                if (!lesson) continue;
                if (lesson.getParent()?.getChildrenSize() === 1) {
                  lesson.replace($createParagraphNode()).selectStart();
                  continue;
                }
                // The caret goes where the block was: the start of the next block, or the end of the one before.
                const next = lesson.getNextSibling();
                const previous = lesson.getPreviousSibling();
                lesson.remove();
                if (next) next.selectStart();
                else previous?.selectEnd();
              }
            },
            { tag: HISTORY_MERGE_TAG },
          );
        }),
        // A new block whose id another block holds is a copy: it gets an id of its own.
        editor.registerNodeTransform(LessonNode, (node) => {
          if ($hasUpdateTag(COLLABORATION_TAG)) return;
          if (editor.getEditorState()._nodeMap.has(node.getKey())) return;
          const id = node.getLessonId();
          if (
            $lessonBlocks().some((other) => other.getKey() !== node.getKey() && other.getLessonId() === id)
          ) {
            node.setLessonId(newLessonId());
          }
        }),
      ),
    [editor],
  );
  return null;
}
