import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from "lexical";
import { encodeDocumentUpdate } from "./initial-state";

/** One block of the founding text, as read from its plain-text layout. */
export type FoundingBlock =
  | { type: "title"; text: string }
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "quote"; text: string }
  | { type: "list"; items: Array<{ text: string; children: string[] }> };

const numberedHeading = /^\d+\.\s+\S/;
const dashItem = /^-\s*/;
const openingQuote = /^[“"]/;
/** Lines under a dash item that are this short and do not end a sentence are its sub-items. */
const subItemMaxLength = 80;

/**
 * Reads the layout of the founding text (content/founding-text.txt): the first line is the
 * title, "1. …" lines are section headings, "-…" lines are list items (short lines right under
 * one are its sub-items), lines opening with a quotation mark are quotes, the rest paragraphs.
 */
export function parseFoundingText(text: string): FoundingBlock[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "");
  const blocks: FoundingBlock[] = [];
  let list: Extract<FoundingBlock, { type: "list" }> | undefined;
  lines.forEach((line, index) => {
    if (index === 0) {
      blocks.push({ type: "title", text: line });
      return;
    }
    if (dashItem.test(line)) {
      if (!list) {
        list = { type: "list", items: [] };
        blocks.push(list);
      }
      list.items.push({ text: line.replace(dashItem, ""), children: [] });
      return;
    }
    const isSubItem =
      list !== undefined &&
      line.length <= subItemMaxLength &&
      !line.endsWith(".") &&
      !numberedHeading.test(line) &&
      !openingQuote.test(line);
    if (list && isSubItem) {
      list.items[list.items.length - 1].children.push(line);
      return;
    }
    list = undefined;
    if (numberedHeading.test(line)) blocks.push({ type: "heading", text: line });
    else if (openingQuote.test(line)) blocks.push({ type: "quote", text: line });
    else blocks.push({ type: "paragraph", text: line });
  });
  return blocks;
}

function withText<T extends ElementNode>(node: T, text: string): T {
  return node.append($createTextNode(text));
}

/** Replaces the editor's content with the blocks as Lexical nodes (inside an editor update). */
export function $insertFoundingBlocks(blocks: FoundingBlock[]): void {
  const root = $getRoot().clear();
  for (const block of blocks) {
    switch (block.type) {
      case "title":
        root.append(withText($createHeadingNode("h1"), block.text));
        break;
      case "heading":
        root.append(withText($createHeadingNode("h2"), block.text));
        break;
      case "quote":
        root.append(withText($createQuoteNode(), block.text));
        break;
      case "paragraph":
        root.append(withText($createParagraphNode(), block.text));
        break;
      case "list": {
        const list = $createListNode("bullet");
        for (const item of block.items) {
          const listItem = withText($createListItemNode(), item.text);
          list.append(listItem);
          if (item.children.length > 0) {
            // Lexical nests a list in its own list item, right after the parent item.
            const nested = $createListNode("bullet");
            for (const child of item.children) nested.append(withText($createListItemNode(), child));
            list.append($createListItemNode().append(nested));
          }
        }
        root.append(list);
        break;
      }
    }
  }
}

/** The founding text as a document: its title (the first line) and its Y.Doc update. */
export function foundingDocument(text: string): { title: string; update: Uint8Array } {
  const blocks = parseFoundingText(text);
  const first = blocks[0];
  const title = first?.type === "title" ? first.text : "Themawerking";
  return { title, update: encodeDocumentUpdate(() => $insertFoundingBlocks(blocks)) };
}
