import { $createHorizontalRuleNode } from "@lexical/extension";
import { $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
} from "@lexical/table";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import { encodeDocumentUpdate } from "../../documents/initial-state";
import { extractDocumentText } from "../../documents/text-extraction";
import type { Handbook } from "../../../shared/schemas/handbook";
import { documentTextBlocks } from "./chapter-text";
import { handbookHtml } from "./exporters/html";
import { handbookMarkdown } from "./exporters/markdown";
import { exportWords } from "./labels";

describe("documentTextBlocks", () => {
  it("reads headings, paragraphs, quotes and nested list items as text blocks, links as their words", () => {
    const update = encodeDocumentUpdate(() => {
      const nested = $createListNode("bullet").append(
        $createListItemNode().append($createTextNode("dieper")),
      );
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

  it("reads checklists with their ticks and tables by rows, through the collaboration state; a divider is no text", () => {
    const update = encodeDocumentUpdate(() => {
      const cell = (text: string, header = false) =>
        $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS).append(
          $createParagraphNode().append($createTextNode(text)),
        );
      $getRoot()
        .clear()
        .append(
          $createListNode("check").append(
            $createListItemNode(true).append($createTextNode("Agenda rondsturen")),
            $createListItemNode(false).append($createTextNode("Verslag | nalezen")),
          ),
          $createHorizontalRuleNode(),
          $createTableNode().append(
            $createTableRowNode().append(cell("Gemeente", true), cell("Regisseur", true)),
            $createTableRowNode().append(cell("Voorbeeldstad"), cell("ja")),
          ),
        );
    });
    const extracted = extractDocumentText(update);
    expect(extracted.plainText.split("\n")).toEqual([
      "Agenda rondsturen",
      "Verslag | nalezen",
      "Gemeente · Regisseur",
      "Voorbeeldstad · ja",
    ]);
    const blocks = documentTextBlocks(extracted.lexicalJson);
    expect(blocks).toEqual([
      { type: "listItem", text: "Agenda rondsturen", checked: true },
      { type: "listItem", text: "Verslag | nalezen", checked: false },
      {
        type: "table",
        rows: [
          ["Gemeente", "Regisseur"],
          ["Voorbeeldstad", "ja"],
        ],
        text: "Gemeente · Regisseur\nVoorbeeldstad · ja",
      },
    ]);

    // Every export shows them: a GFM table and task items, an HTML table, a Word table.
    const handbook = {
      title: "Handboek",
      subtitle: null,
      compiledAt: "2026-12-02T10:00:00.000Z",
      chapters: [{ number: 1, theme: { id: "t1", name: "Regie" }, text: blocks, groups: [] }],
      recommendations: [],
    } as unknown as Handbook;
    const markdown = handbookMarkdown(handbook, exportWords("nl"));
    expect(markdown).toContain("- [x] Agenda rondsturen\n- [ ] Verslag \\| nalezen");
    expect(markdown).toContain("| Gemeente | Regisseur |\n| --- | --- |\n| Voorbeeldstad | ja |");
    expect(markdown).toContain("_2 december 2026_");
    const html = handbookHtml(handbook, exportWords("en"));
    expect(html).toContain("<thead><tr><th>Gemeente</th><th>Regisseur</th></tr></thead>");
    expect(html).toContain("<li>☑ Agenda rondsturen</li>");
    expect(html).toContain("2 December 2026");
  });

  it("reads nothing from a missing or odd state", () => {
    expect(documentTextBlocks(null)).toEqual([]);
    expect(documentTextBlocks({ root: {} })).toEqual([]);
  });
});
