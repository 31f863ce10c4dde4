import { $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import { encodeDocumentUpdate } from "../../documents/initial-state";
import { extractDocumentText } from "../../documents/text-extraction";
import { documentTextBlocks } from "./chapter-text";

describe("documentTextBlocks", () => {
  it("reads headings, paragraphs, quotes and nested list items as text blocks, links as their words", () => {
    const update = encodeDocumentUpdate(() => {
      const nested = $createListNode("bullet").append($createListItemNode().append($createTextNode("dieper")));
      $getRoot()
        .clear()
        .append(
          $createHeadingNode("h3").append($createTextNode("Inleiding")),
          $createParagraphNode().append(
            $createTextNode("Zie "),
            $createLinkNode("javascript:alert(1)").append($createTextNode("hier")),
          ),
          $createParagraphNode(),
          $createQuoteNode().append($createTextNode("Citaat")),
          $createListNode("number").append(
            $createListItemNode().append($createTextNode("eerste")),
            $createListItemNode().append(nested),
          ),
        );
    });
    const blocks = documentTextBlocks(extractDocumentText(update).lexicalJson);
    expect(blocks).toEqual([
      { type: "heading", level: 3, text: "Inleiding" },
      { type: "paragraph", text: "Zie hier" },
      { type: "quote", text: "Citaat" },
      { type: "listItem", text: "eerste" },
      { type: "listItem", text: "dieper" },
    ]);
    expect(JSON.stringify(blocks)).not.toContain("javascript");
  });

  it("reads nothing from a missing or odd state", () => {
    expect(documentTextBlocks(null)).toEqual([]);
    expect(documentTextBlocks({ root: {} })).toEqual([]);
  });
});
