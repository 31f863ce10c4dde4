import type { TextBlock } from "../../../shared/schemas/handbook";

/** The part of a serialized Lexical node this reader looks at. */
interface SerializedNode {
  type?: string;
  text?: string;
  tag?: string;
  listType?: string;
  checked?: boolean;
  children?: SerializedNode[];
}

/** The plain text of a node: its text runs joined, line breaks and tabs as spaces. */
function textOf(node: SerializedNode): string {
  if (node.type === "linebreak" || node.type === "tab") return " ";
  if (typeof node.text === "string") return node.text;
  return (node.children ?? []).map(textOf).join("");
}

/** A cell's text: its paragraphs joined by spaces. */
const cellText = (cell: SerializedNode) =>
  (cell.children ?? [])
    .map(textOf)
    .map((t) => t.trim())
    .filter(Boolean)
    .join(" ");

function blocksOf(node: SerializedNode, inChecklist = false): TextBlock[] {
  if (node.type === "list")
    return (node.children ?? []).flatMap((c) => blocksOf(c, node.listType === "check"));
  if (node.type === "listitem") {
    const nested = (node.children ?? []).filter((c) => c.type === "list");
    const own = textOf({ children: (node.children ?? []).filter((c) => c.type !== "list") }).trim();
    const item: TextBlock = inChecklist
      ? { type: "listItem", text: own, checked: node.checked === true }
      : { type: "listItem", text: own };
    return [...(own ? [item] : []), ...nested.flatMap((c) => blocksOf(c))];
  }
  if (node.type === "table") {
    const rows = (node.children ?? []).map((row) => (row.children ?? []).map(cellText));
    if (rows.every((row) => row.every((cell) => cell === ""))) return [];
    return [{ type: "table", rows, text: rows.map((row) => row.join(" · ")).join("\n") }];
  }
  if (node.type === "horizontalrule") return [];
  const text = textOf(node).trim();
  if (!text) return [];
  if (node.type === "heading") {
    const level = Number(/^h([1-6])$/.exec(node.tag ?? "")?.[1] ?? 2);
    return [{ type: "heading", level, text }];
  }
  if (node.type === "quote") return [{ type: "quote", text }];
  // Paragraphs, lesson blocks and anything else: their text, as a paragraph.
  return [{ type: "paragraph", text }];
}

/**
 * The text of a document (its serialized Lexical state) as plain blocks for the handbook: headings
 * with their level, paragraphs, quotes and list items. Only text is kept — links lose their target,
 * so nothing but words reaches an export.
 */
export function documentTextBlocks(lexicalJson: unknown): TextBlock[] {
  const root = (lexicalJson as { root?: SerializedNode } | null)?.root;
  return (root?.children ?? []).flatMap((node) => blocksOf(node));
}
