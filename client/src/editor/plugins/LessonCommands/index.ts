import { $isListItemNode } from "@lexical/list";
import { $findMatchingParent } from "@lexical/utils";
import {
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from "lexical";
import {
  $convertLessonToParagraph,
  $convertToLesson,
  $createLessonNode,
  $isLessonNode,
  type LessonNode,
} from "../../../../../shared/editor/lesson-node";
import type { LessonKind } from "../../../../../shared/lessons";

/** The lesson block holding `node`, if any. */
export function $lessonOf(node: LexicalNode | null): LessonNode | null {
  if (!node) return null;
  return $isLessonNode(node) ? node : ($findMatchingParent(node, $isLessonNode) as LessonNode | null);
}

/** The lesson block the caret is in, if any. */
export function $selectedLesson(): LessonNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return $lessonOf(selection.anchor.getNode());
}

/** The top-level block of the caret (a paragraph, heading, list…), or null at the root. */
function $selectedBlock(): ElementNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  if ($isRootOrShadowRoot(anchor)) return null;
  const top = anchor.getTopLevelElement();
  return $isElementNode(top) ? top : null;
}

/**
 * Makes the caret's block a lesson of `kind`: a lesson changes kind, a paragraph, heading or quote becomes a
 * lesson keeping its text, and inside a list (or anywhere else) a new lesson block follows the current one.
 */
export function $applyLessonKind(kind: LessonKind): void {
  const lesson = $selectedLesson();
  if (lesson) {
    lesson.setKind(kind);
    return;
  }
  const block = $selectedBlock();
  if (block && !$isListItemNode(block) && block.getType() !== "list") {
    $convertToLesson(block, kind);
    return;
  }
  const created = $createLessonNode(kind);
  if (block) block.insertAfter(created);
  else {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertNodes([created]);
  }
  created.select();
}

/** Turns the lesson at the caret back into a paragraph (its text stays). */
export function turnLessonIntoParagraph(editor: LexicalEditor, lessonKey?: string): void {
  editor.update(() => {
    const lesson = lessonKey ? $lessonOf($getNodeByKey(lessonKey)) : $selectedLesson();
    if (lesson) $convertLessonToParagraph(lesson);
  });
  editor.focus();
}
