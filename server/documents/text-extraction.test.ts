import { $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot, type SerializedLexicalNode } from "lexical";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bindHeadlessEditor, flushEditor } from "./headless-binding";
import { emptyDocumentUpdate } from "./initial-state";
import { extractDocumentText } from "./text-extraction";

/** A Lexical editor bound to its own Y.Doc through @lexical/yjs, as a client's editor is. */
function writer() {
  const headless = bindHeadlessEditor();
  const updates: Uint8Array[] = [];
  headless.doc.on("update", (update: Uint8Array) => updates.push(update));
  return { ...headless, updates, edit: (fn: () => void) => headless.editor.update(fn, { discrete: true }) };
}

function types(nodes: SerializedLexicalNode[]): string[] {
  return nodes.map((n) => n.type);
}

describe("extractDocumentText", () => {
  it("reads title, plain text and Lexical JSON from a Y.Doc written by a Lexical editor", () => {
    const w = writer();
    w.edit(() => {
      const list = $createListNode("bullet").append(
        $createListItemNode().append($createTextNode("Gent")),
        $createListItemNode().append($createTextNode("Heusden-Zolder")),
      );
      $getRoot()
        .clear()
        .append(
          $createHeadingNode("h1").append($createTextNode("Dienstenwijzer in kleine gemeenten")),
          $createParagraphNode().append(
            $createTextNode("Zie "),
            $createLinkNode("https://www.vvsg.be/").append($createTextNode("VVSG")),
          ),
          list,
          $createQuoteNode().append($createTextNode("Regie is afstemmen.")),
        );
    });

    const result = extractDocumentText(w.doc);
    expect(result.title).toBe("Dienstenwijzer in kleine gemeenten");
    expect(result.plainText).toBe(
      "Dienstenwijzer in kleine gemeenten\nZie VVSG\nGent\nHeusden-Zolder\nRegie is afstemmen.",
    );
    expect(types(result.lexicalJson.root.children)).toEqual(["heading", "paragraph", "list", "quote"]);
  });

  it("reads the same text from the stream of incremental updates a client sends", () => {
    const w = writer();
    w.edit(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode("Eerste")));
    });
    w.edit(() => {
      const paragraph = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>();
      paragraph.append($createTextNode(" versie"));
      $getRoot().append($createParagraphNode().append($createTextNode("Tweede alinea")));
    });
    w.edit(() => {
      $getRoot().getLastChildOrThrow().remove();
    });
    expect(w.updates.length).toBeGreaterThanOrEqual(3);

    const replica = new Y.Doc();
    for (const update of w.updates) Y.applyUpdate(replica, update);
    const result = extractDocumentText(Y.encodeStateAsUpdate(replica));
    expect(result.title).toBeUndefined();
    expect(result.plainText).toBe("Eerste versie");
  });

  it("sees concurrent edits of two editors merged", () => {
    const a = writer();
    a.edit(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode("Gedeeld")));
    });
    const b = bindHeadlessEditor();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    // Let B's editor take in the remote state first, as a client's does before its user types.
    flushEditor(b.editor);
    b.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode("Van B"))), {
      discrete: true,
    });
    a.edit(() => $getRoot().append($createParagraphNode().append($createTextNode("Van A"))));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));

    const text = extractDocumentText(a.doc).plainText;
    expect(text.split("\n")).toHaveLength(3);
    expect(text).toContain("Gedeeld");
    expect(text).toContain("Van A");
    expect(text).toContain("Van B");
  });

  it("reads a new document's seeded state as one empty paragraph", () => {
    const result = extractDocumentText(emptyDocumentUpdate());
    expect(result.plainText).toBe("");
    expect(types(result.lexicalJson.root.children)).toEqual(["paragraph"]);
  });

  it("does not change the Y.Doc it reads", () => {
    const w = writer();
    w.edit(() =>
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode("Blijft"))),
    );
    const before = Y.encodeStateVector(w.doc);
    extractDocumentText(w.doc);
    expect(Y.encodeStateVector(w.doc)).toEqual(before);
  });
});
