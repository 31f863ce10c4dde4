import { INSERT_HORIZONTAL_RULE_COMMAND } from "@lexical/extension";
import { INSERT_CHECK_LIST_COMMAND } from "@lexical/list";
import { INSERT_TABLE_COMMAND } from "@lexical/table";
import type { LexicalEditor } from "lexical";
import { type BlockFormat, setBlockFormat } from "../../block-format";

/** The blocks the `/` menu inserts besides lessons. */
export const slashBlocks = [
  "h1",
  "h2",
  "h3",
  "bullet",
  "number",
  "check",
  "quote",
  "table",
  "divider",
] as const;
export type SlashBlock = (typeof slashBlocks)[number];

/** The slash words of each block: the Dutch one first (shown as the hint in Dutch), the English one second. */
export const blockSlashWords: Record<SlashBlock, readonly string[]> = {
  h1: ["kop1", "heading1", "h1"],
  h2: ["kop2", "heading2", "h2"],
  h3: ["kop3", "heading3", "h3"],
  bullet: ["opsomming", "bullets", "lijst", "list"],
  number: ["genummerd", "numbered"],
  check: ["afvinklijst", "checklist", "taken", "todo"],
  quote: ["citaat", "quote"],
  table: ["tabel", "table"],
  divider: ["lijn", "divider", "scheiding", "hr"],
};

/** Turns the caret's block into (or inserts) `block`; the slash word is already gone. */
export function applySlashBlock(editor: LexicalEditor, block: SlashBlock): void {
  switch (block) {
    case "check":
      editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined);
      return;
    case "table":
      // Three by three with a header row: enough to start, rows and columns grow with Tab at the end.
      editor.dispatchCommand(INSERT_TABLE_COMMAND, {
        rows: "3",
        columns: "3",
        includeHeaders: { rows: true, columns: false },
      });
      return;
    case "divider":
      editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined);
      return;
    default:
      setBlockFormat(editor, block satisfies BlockFormat, "paragraph");
  }
}
