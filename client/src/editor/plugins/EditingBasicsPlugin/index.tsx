import { $createHorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from "@lexical/extension";
import { CheckListPlugin } from "@lexical/react/LexicalCheckListPlugin";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { MarkdownShortcutPlugin } from "@lexical/react/LexicalMarkdownShortcutPlugin";
import { TablePlugin } from "@lexical/react/LexicalTablePlugin";
import { $insertNodeToNearestRoot } from "@lexical/utils";
import { $isListNode, ListNode } from "@lexical/list";
import { $getNodeByKey, $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR } from "lexical";
import { useEffect } from "react";
import { BlockMovePlugin } from "./BlockMovePlugin";
import { markdownShortcuts } from "./markdown-shortcuts";

/** Inserts a divider where the caret is (the `/` menu and the `---` shortcut). */
function DividerCommand() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_HORIZONTAL_RULE_COMMAND,
        () => {
          if (!$isRangeSelection($getSelection())) return false;
          $insertNodeToNearestRoot($createHorizontalRuleNode());
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );
  return null;
}

/**
 * A checklist is a group of checkboxes: Lexical gives its items the checkbox role, which a list may not hold (axe's
 * `list` rule, serious), so the list itself is marked as a group; other lists stay lists.
 */
function ChecklistSemantics() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(ListNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === "destroyed") continue;
            const element = editor.getElementByKey(key);
            const node = $getNodeByKey(key);
            if (!element || !$isListNode(node)) continue;
            if (node.getListType() === "check") element.setAttribute("role", "group");
            else element.removeAttribute("role");
          }
        });
      }),
    [editor],
  );
  return null;
}

/**
 * What a wiki user expects of an editor besides text: Markdown shortcuts, moving blocks with the keyboard, checklists,
 * tables and a divider. The nodes
 * are in the shared node list (shared/editor/nodes.ts), so they sync live and the server reads them too.
 */
export function EditingBasicsPlugin({ readOnly }: { readOnly: boolean }) {
  return (
    <>
      {!readOnly && <MarkdownShortcutPlugin transformers={markdownShortcuts} />}
      {!readOnly && <BlockMovePlugin />}
      <CheckListPlugin />
      <ChecklistSemantics />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasTabHandler hasHorizontalScroll />
      <DividerCommand />
    </>
  );
}
