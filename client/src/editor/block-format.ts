import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from "@lexical/list";
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor } from "lexical";

/** The block kinds the toolbar and the keyboard shortcuts switch between. */
export type BlockFormat = "paragraph" | "h1" | "h2" | "h3" | "bullet" | "number" | "quote";

/** Turns the selected blocks into `format`; choosing the current list kind again removes the list. */
export function setBlockFormat(editor: LexicalEditor, format: BlockFormat, current: BlockFormat): void {
  if (format === "bullet" || format === "number") {
    if (current === format) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        format === "bullet" ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const target = current === format && format !== "paragraph" ? "paragraph" : format;
    $setBlocksType(selection, () =>
      target === "paragraph"
        ? $createParagraphNode()
        : target === "quote"
          ? $createQuoteNode()
          : $createHeadingNode(target as HeadingTagType),
    );
  });
}
