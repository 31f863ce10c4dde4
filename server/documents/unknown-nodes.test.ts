import { $createHorizontalRuleNode } from "@lexical/extension";
import { $createTableCellNode, $createTableNode, $createTableRowNode } from "@lexical/table";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { insertBlock, textLeaf } from "../../tests/helpers/raw-lexical-yjs";
import { encodeDocumentUpdate } from "./initial-state";
import { registeredNodeTypes, sharedTypeKindOf } from "./node-types";
import { extractDocumentText } from "./text-extraction";
import { changeLeavesUnknownNodes, findUnknownNodes, repairUnknownNodes } from "./unknown-nodes";

/** A document of two paragraphs, "Voor" and "Na", as a Lexical editor writes it. */
function twoParagraphs(): Y.Doc {
  const doc = new Y.Doc();
  const update = encodeDocumentUpdate(() => {
    $getRoot()
      .clear()
      .append(
        $createParagraphNode().append($createTextNode("Voor")),
        $createParagraphNode().append($createTextNode("Na")),
      );
  });
  Y.applyUpdate(doc, update);
  return doc;
}

function rootOf(doc: Y.Doc): Y.XmlText {
  return doc.get("root", Y.XmlText);
}

function embedAt(parent: Y.XmlText, index: number): unknown {
  return (parent.toDelta() as Array<{ insert: unknown }>)[index].insert;
}

describe("registeredNodeTypes", () => {
  it("knows Lexical's built-ins, the shared nodes and the placeholders, each with its shared type", () => {
    const types = registeredNodeTypes();
    for (const type of [
      "root",
      "paragraph",
      "text",
      "linebreak",
      "tab",
      "heading",
      "list",
      "lesson",
      "unknown-element",
    ])
      expect(types.has(type), type).toBe(true);
    expect(types.has("layout-container")).toBe(false);
    expect(sharedTypeKindOf("paragraph")).toBe("XmlText");
    expect(sharedTypeKindOf("lesson")).toBe("XmlText");
    expect(sharedTypeKindOf("text")).toBe("Map");
    expect(sharedTypeKindOf("linebreak")).toBe("Map");
    expect(sharedTypeKindOf("unknown-text")).toBe("Map");
    expect(sharedTypeKindOf("unknown-decorator")).toBe("XmlElement");
    expect(sharedTypeKindOf("root")).toBeUndefined();
    expect(sharedTypeKindOf("layout-container")).toBeUndefined();
  });
});

describe("findUnknownNodes", () => {
  it("finds nothing in a document a Lexical editor wrote", () => {
    expect(findUnknownNodes(twoParagraphs())).toEqual([]);
  });

  it("finds nothing in a table a Lexical editor wrote, and names table parts out of shape as misplaced", () => {
    const written = new Y.Doc();
    Y.applyUpdate(
      written,
      encodeDocumentUpdate(() => {
        const cell = () =>
          $createTableCellNode().append($createParagraphNode().append($createTextNode("cel")));
        $getRoot()
          .clear()
          .append(
            $createTableNode().append($createTableRowNode().append(cell(), cell())),
            $createHorizontalRuleNode(),
          );
      }),
    );
    expect(findUnknownNodes(written)).toEqual([]);
    for (const type of ["table", "tablerow", "tablecell"]) expect(sharedTypeKindOf(type)).toBe("XmlText");
    expect(sharedTypeKindOf("horizontalrule")).toBe("XmlElement");

    const doc = twoParagraphs();
    const root = rootOf(doc);
    doc.transact(() => {
      insertBlock(root, 1, "table", "tekst recht in de tabel");
      insertBlock(root, 2, "tablerow", "een rij zonder tabel");
      // A well-formed table and row around a cell that holds text straight in it.
      const element = (parent: Y.XmlText, index: number, type: string) => {
        const shared = new Y.XmlText();
        parent.insertEmbed(index, shared);
        shared.setAttribute("__type", type);
        return shared;
      };
      const row = element(element(root, 3, "table"), 0, "tablerow");
      insertBlock(row, 0, "tablecell", "tekst recht in de cel");
    });
    expect(findUnknownNodes(doc).map(({ reason, label }) => [reason, label])).toEqual([
      ["misplaced", "table (misplaced)"],
      ["misplaced", "tablerow (misplaced)"],
      ["misplaced", "tablecell (misplaced)"],
    ]);
  });

  it("names each node @lexical/yjs cannot read, in document order, with why", () => {
    const doc = twoParagraphs();
    const root = rootOf(doc);
    doc.transact(() => {
      const table = insertBlock(root, 1, "layout-container", "cel");
      insertBlock(table, 0, "layout-item", "rij");
      insertBlock(root, 2, undefined, "zonder type");
      insertBlock(root, 3, 7, "getal");
      insertBlock(root, 4, "root", "tweede root");
      const first = embedAt(root, 0) as Y.XmlText;
      const leaf = textLeaf("paragraph");
      first.insertEmbed(first.length, leaf);
      first.insert(first.length, "kaart");
      const image = new Y.XmlElement();
      root.insertEmbed(5, image);
      image.setAttribute("__type", "image");
      root.insertEmbed(6, { __type: "paragraph" });
      root.insertEmbed(7, new Y.Array());
    });
    const found = findUnknownNodes(doc).map(({ reason, label, placeholder, inline }) => ({
      reason,
      label,
      placeholder,
      inline,
    }));
    expect(found).toEqual([
      { reason: "wrong-kind", label: "paragraph (as Y.Map)", placeholder: "unknown-text", inline: true },
      { reason: "unregistered", label: "layout-container", placeholder: "unknown-element", inline: false },
      { reason: "unregistered", label: "layout-item", placeholder: "unknown-element", inline: true },
      { reason: "no-type", label: "(no type)", placeholder: "unknown-element", inline: false },
      { reason: "no-type", label: "(type 7)", placeholder: "unknown-element", inline: false },
      { reason: "wrong-kind", label: "root (as Y.XmlText)", placeholder: "unknown-element", inline: false },
      { reason: "unregistered", label: "image", placeholder: "unknown-decorator", inline: false },
      {
        reason: "not-a-node",
        label: "(not a node: object)",
        placeholder: "unknown-decorator",
        inline: false,
      },
      {
        reason: "not-a-node",
        label: "(not a node: Y.Array)",
        placeholder: "unknown-decorator",
        inline: false,
      },
    ]);
  });

  it("looks into named slots too", () => {
    const doc = twoParagraphs();
    doc.transact(() => {
      const host = embedAt(rootOf(doc), 0) as Y.XmlText;
      const slots = new Y.Map<unknown>();
      host.setAttribute("__slots", slots as unknown as string);
      const caption = new Y.XmlText();
      slots.set("caption", caption);
      caption.setAttribute("__type", "caption");
    });
    expect(findUnknownNodes(doc).map((n) => n.label)).toEqual(["caption"]);
  });

  it("walks a document nested far deeper than the call stack", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let parent = rootOf(doc);
      for (let depth = 0; depth < 20_000; depth++) {
        const nested = new Y.XmlText();
        parent.insertEmbed(0, nested);
        nested.setAttribute("__type", "paragraph");
        parent = nested;
      }
      parent.insertEmbed(0, textLeaf("hashtag"));
    });
    expect(findUnknownNodes(doc).map((n) => n.label)).toEqual(["hashtag"]);
  });
});

describe("repairUnknownNodes", () => {
  function withUnknownBlock(): Y.Doc {
    const doc = twoParagraphs();
    doc.transact(() => {
      const table = insertBlock(rootOf(doc), 1, "layout-container", "Tekst in de tabel");
      table.setAttribute("__colWidths", "1,2");
    });
    return doc;
  }

  it("answers null for a clean document", () => {
    expect(repairUnknownNodes(twoParagraphs())).toBeNull();
  });

  it("gives an update that turns the block into a placeholder keeping its text, attributes and type", () => {
    const doc = withUnknownBlock();
    const before = Y.encodeStateAsUpdate(doc);
    const repair = repairUnknownNodes(doc);
    expect(repair?.types).toEqual(["layout-container"]);
    // The document itself is left alone: the caller stores the update first, then applies it.
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);

    Y.applyUpdate(doc, repair?.update as Uint8Array);
    const block = embedAt(rootOf(doc), 1) as Y.XmlText;
    expect(block.getAttributes()).toEqual({
      __type: "unknown-element",
      __originalType: "layout-container",
      __inline: false,
      __colWidths: "1,2",
    });
    const read = extractDocumentText(doc);
    expect(read.plainText.split("\n")).toEqual(["Voor", "Tekst in de tabel", "Na"]);
    expect(read.unknownNodeTypes).toEqual([]);
  });

  it("is idempotent: once applied, a second call answers null", () => {
    const doc = withUnknownBlock();
    Y.applyUpdate(doc, (repairUnknownNodes(doc) as { update: Uint8Array }).update);
    expect(findUnknownNodes(doc)).toEqual([]);
    expect(repairUnknownNodes(doc)).toBeNull();
  });

  it("is deterministic: the same state gives the same bytes, so two servers' repairs apply as one", () => {
    const doc = withUnknownBlock();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const first = repairUnknownNodes(doc)?.update as Uint8Array;
    const second = repairUnknownNodes(replica)?.update as Uint8Array;
    expect(second).toEqual(first);
    Y.applyUpdate(doc, first);
    const once = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, second);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(once);
  });

  it("merges with an edit made meanwhile inside the unknown block", () => {
    const doc = withUnknownBlock();
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(doc));
    const repair = repairUnknownNodes(doc)?.update as Uint8Array;
    const block = embedAt(rootOf(editor), 1) as Y.XmlText;
    block.insert(block.length, " en meer");
    Y.applyUpdate(editor, repair);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(editor));
    expect(extractDocumentText(doc).plainText).toContain("Tekst in de tabel en meer");
    expect(findUnknownNodes(doc)).toEqual([]);
  });

  it("swaps an embed that is no node for a placeholder decorator at the same place", () => {
    const doc = twoParagraphs();
    doc.transact(() => rootOf(doc).insertEmbed(1, { __type: "paragraph", text: "geen node" }));
    Y.applyUpdate(doc, (repairUnknownNodes(doc) as { update: Uint8Array }).update);
    const delta = rootOf(doc).toDelta() as Array<{ insert: unknown }>;
    expect(delta).toHaveLength(3);
    const placeholder = delta[1].insert as Y.XmlElement;
    expect(placeholder).toBeInstanceOf(Y.XmlElement);
    expect(placeholder.getAttribute("__type")).toBe("unknown-decorator");
    expect(placeholder.getAttribute("__originalType")).toBe("paragraph");
    expect(extractDocumentText(doc).plainText).toBe("Voor\n\nNa");
  });
});

describe("extractDocumentText on a document with unknown nodes", () => {
  it("reads them as placeholders, lists them, and leaves the source unchanged", () => {
    const doc = twoParagraphs();
    doc.transact(() => {
      const first = embedAt(rootOf(doc), 0) as Y.XmlText;
      first.insertEmbed(first.length, textLeaf("hashtag"));
      first.insert(first.length, " #regie");
      insertBlock(first, first.length, "mention", " Jan");
    });
    const before = Y.encodeStateAsUpdate(doc);
    const read = extractDocumentText(doc);
    expect(read.plainText).toBe("Voor #regie Jan\nNa");
    expect(read.unknownNodeTypes).toEqual(["hashtag", "mention"]);
    const [paragraph] = read.lexicalJson.root.children as unknown as Array<{
      children: Array<Record<string, unknown>>;
    }>;
    expect(paragraph.children.map((c) => [c.type, c.originalType])).toEqual([
      ["text", undefined],
      ["unknown-text", "hashtag"],
      ["unknown-element", "mention"],
    ]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe("changeLeavesUnknownNodes", () => {
  /** Runs `change` on `doc` and answers what the check says of its transaction. */
  function verdict(doc: Y.Doc, change: (root: Y.XmlText) => void): boolean {
    let seen: Y.Transaction | undefined;
    const see = (transaction: Y.Transaction) => {
      seen = transaction;
    };
    doc.on("afterTransaction", see);
    doc.transact(() => change(rootOf(doc)));
    doc.off("afterTransaction", see);
    return changeLeavesUnknownNodes(seen as Y.Transaction);
  }

  it("passes the edits a Lexical editor makes: typing, a new block, a new heading", () => {
    const doc = twoParagraphs();
    expect(verdict(doc, (root) => (embedAt(root, 0) as Y.XmlText).insert(1, "tekst "))).toBe(false);
    expect(verdict(doc, (root) => insertBlock(root, 2, "paragraph", "nieuw"))).toBe(false);
    expect(verdict(doc, (root) => insertBlock(root, 0, "heading", "kop").setAttribute("__tag", "h2"))).toBe(
      false,
    );
  });

  it("finds a new unregistered block, one without type and an embed that is no node", () => {
    expect(verdict(twoParagraphs(), (root) => insertBlock(root, 1, "layout-container", "cel"))).toBe(true);
    expect(verdict(twoParagraphs(), (root) => insertBlock(root, 1, undefined, "cel"))).toBe(true);
    expect(verdict(twoParagraphs(), (root) => root.insertEmbed(1, { __type: "paragraph" }))).toBe(true);
  });

  it("finds an unknown node nested deep inside new content, and a text leaf of the wrong kind", () => {
    const deep = (root: Y.XmlText) => {
      const list = insertBlock(root, 1, "list", "");
      const item = insertBlock(list, 0, "listitem", "punt");
      item.insertEmbed(0, textLeaf("hashtag"));
    };
    expect(verdict(twoParagraphs(), deep)).toBe(true);
    expect(
      verdict(twoParagraphs(), (root) =>
        (embedAt(root, 0) as Y.XmlText).insertEmbed(0, textLeaf("paragraph")),
      ),
    ).toBe(true);
  });

  it("finds an existing block whose type is changed to an unknown one, or deleted", () => {
    expect(
      verdict(twoParagraphs(), (root) =>
        (embedAt(root, 0) as Y.XmlText).setAttribute("__type", "layout-container"),
      ),
    ).toBe(true);
    expect(
      verdict(twoParagraphs(), (root) => (embedAt(root, 1) as Y.XmlText).removeAttribute("__type")),
    ).toBe(true);
  });

  it("ignores what lies outside the document's root, and content deleted in the same change", () => {
    const doc = twoParagraphs();
    expect(verdict(doc, () => doc.getMap("elders").set("x", textLeaf("layout-container")))).toBe(false);
    expect(
      verdict(doc, (root) => {
        insertBlock(root, 1, "layout-container", "weg");
        root.delete(1, 1);
      }),
    ).toBe(false);
  });
});
