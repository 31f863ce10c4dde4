import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foundingDocument, parseFoundingText } from "./founding-text";
import { extractDocumentText } from "./text-extraction";

const foundingText = fs.readFileSync(
  path.resolve(import.meta.dirname, "../../content/founding-text.txt"),
  "utf8",
);

describe("parseFoundingText", () => {
  it("reads title, numbered headings, dash lists with sub-items, quotes and paragraphs", () => {
    const blocks = parseFoundingText(
      [
        " TITEL ",
        "",
        "1. Eerste",
        "",
        "Een alinea.",
        "",
        "- punt een",
        "",
        "“Een citaat”",
        "",
        "-a",
        "",
        "Kort",
        "",
        "-b",
      ]
        .concat(["", "2. Tweede", "", "Lange zin die eindigt met een punt."])
        .join("\n"),
    );
    expect(blocks).toEqual([
      { type: "title", text: "TITEL" },
      { type: "heading", text: "1. Eerste" },
      { type: "paragraph", text: "Een alinea." },
      { type: "list", items: [{ text: "punt een", children: [] }] },
      { type: "quote", text: "“Een citaat”" },
      {
        type: "list",
        items: [
          { text: "a", children: ["Kort"] },
          { text: "b", children: [] },
        ],
      },
      { type: "heading", text: "2. Tweede" },
      { type: "paragraph", text: "Lange zin die eindigt met een punt." },
    ]);
  });

  it("finds the six sections of the founding text", () => {
    const headings = parseFoundingText(foundingText).filter((b) => b.type === "heading");
    expect(headings.map((h) => h.text)).toEqual([
      "1. Situering van het thema",
      "2. Situering in het Vlaamse beleid",
      "3. Doelstelling van de themawerking",
      "4. Kalender",
      "5. Te voorziene middelen in de begroting",
      "6. Samenstelling themawerking / wie in welke fase betrekken ?",
    ]);
  });
});

describe("foundingDocument", () => {
  it("encodes the founding text as a Y.Doc that reads back with headings and lists kept", () => {
    const { title, update } = foundingDocument(foundingText);
    expect(title).toBe("THEMAWERKING 2005 ‘LOKALE REGIEFUNCTIE’");

    const read = extractDocumentText(update);
    expect(read.title).toBe(title);
    const children = read.lexicalJson.root.children as Array<{
      type: string;
      tag?: string;
      listType?: string;
    }>;
    expect(children.filter((c) => c.type === "heading" && c.tag === "h2")).toHaveLength(6);
    expect(
      children.filter((c) => c.type === "list" && c.listType === "bullet").length,
    ).toBeGreaterThanOrEqual(4);
    expect(children.filter((c) => c.type === "quote").length).toBeGreaterThanOrEqual(4);
    expect(read.plainText).toContain("het permanent ontsluiten (virtueel loket)");
    expect(read.plainText).toContain("Katrien Herman");
    expect(read.plainText.split("\n")).toContain("VVSG");
  });
});
