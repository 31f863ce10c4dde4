import type { TextBlock } from "./schemas/handbook";

/** A checklist item's box as the exports and the preview print it: "☑ " ticked, "☐ " not; "" for a plain item. */
export function checkBoxMark(block: TextBlock): string {
  if (block.checked === undefined) return "";
  return block.checked ? "☑ " : "☐ ";
}

/** A table block's rows: the first is its header. */
export function tableRows(block: TextBlock): { header: string[]; body: string[][] } {
  const [header = [], ...body] = block.rows ?? [];
  return { header, body };
}
