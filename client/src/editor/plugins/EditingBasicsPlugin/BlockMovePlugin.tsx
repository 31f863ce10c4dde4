import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
} from "lexical";
import { useEffect } from "react";

/**
 * Alt+Shift+↑/↓ moves the caret's block one place up or down. The block itself moves (the same node), so a lesson
 * keeps its id, status and stances — what cutting and pasting also does, without the clipboard.
 */
export function BlockMovePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
          if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return false;
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const block = selection.anchor.getNode().getTopLevelElement();
          const up = event.key === "ArrowUp";
          const neighbour = up ? block?.getPreviousSibling() : block?.getNextSibling();
          if (!block || !neighbour) return false;
          // Moving the block moves the caret out of it: it is put back where it was, in the moved text.
          const kept = selection.clone();
          if (up) neighbour.insertBefore(block);
          else neighbour.insertAfter(block);
          $setSelection(kept);
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
