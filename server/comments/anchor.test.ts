import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { anchorState, decodeRelativePosition, validateNewAnchor } from "./anchor";

const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString("base64");

/** A document shaped like Lexical's: root XmlText holding a paragraph XmlText whose first item is a node map. */
function lexicalLikeDoc(text: string) {
  const doc = new Y.Doc();
  const root = doc.get("root", Y.XmlText);
  const paragraph = new Y.XmlText();
  root.insertEmbed(0, paragraph);
  paragraph.insertEmbed(0, new Y.Map());
  paragraph.insert(1, text);
  return { doc, paragraph };
}

function anchorOn(paragraph: Y.XmlText, from: number, to: number) {
  // +1 skips the node map embed at the start of the paragraph.
  return {
    start: b64(Y.createRelativePositionFromTypeIndex(paragraph, from + 1, 0)),
    end: b64(Y.createRelativePositionFromTypeIndex(paragraph, to + 1, -1)),
  };
}

describe("passage anchors", () => {
  it("follows insertions before and inside the passage", () => {
    const { doc, paragraph } = lexicalLikeDoc("Aan het begin. De passage hier. Slot.");
    const anchor = anchorOn(paragraph, 15, 30);
    expect(anchorState(doc, anchor.start, anchor.end)).toEqual({
      outdated: false,
      currentText: "De passage hier",
    });
    paragraph.insert(1, "Vooraf: ");
    paragraph.insert(1 + 8 + 18, "lange ");
    expect(anchorState(doc, anchor.start, anchor.end)).toEqual({
      outdated: false,
      currentText: "De lange passage hier",
    });
  });

  it("is outdated when the passage or its paragraph is deleted", () => {
    const { doc, paragraph } = lexicalLikeDoc("Aan het begin. De passage hier. Slot.");
    const anchor = anchorOn(paragraph, 15, 30);
    paragraph.delete(1 + 15, 15);
    expect(anchorState(doc, anchor.start, anchor.end).outdated).toBe(true);
    const second = lexicalLikeDoc("Tekst");
    const a2 = anchorOn(second.paragraph, 0, 5);
    second.doc.get("root", Y.XmlText).delete(0, 1);
    expect(anchorState(second.doc, a2.start, a2.end).outdated).toBe(true);
  });

  it("refuses garbage, other documents and positions outside the root", () => {
    const { doc, paragraph } = lexicalLikeDoc("Tekst hier");
    const good = anchorOn(paragraph, 0, 5);
    expect(validateNewAnchor(doc, good.start, good.end)).toEqual({ ok: true });
    expect(decodeRelativePosition("////")).toBeUndefined();
    expect(validateNewAnchor(doc, "////", good.end)).toEqual({ ok: false, field: "start" });
    // Decodes, but names an item this document never had.
    expect(validateNewAnchor(doc, "AAAA", good.end)).toEqual({ ok: false, field: "range" });
    const other = lexicalLikeDoc("Tekst hier");
    const foreign = anchorOn(other.paragraph, 0, 5);
    expect(validateNewAnchor(doc, foreign.start, foreign.end)).toEqual({ ok: false, field: "range" });
    const elsewhere = doc.getText("other");
    elsewhere.insert(0, "buiten de wortel");
    const outside = {
      start: b64(Y.createRelativePositionFromTypeIndex(elsewhere, 0)),
      end: b64(Y.createRelativePositionFromTypeIndex(elsewhere, 5, -1)),
    };
    expect(validateNewAnchor(doc, outside.start, outside.end).ok).toBe(false);
    expect(validateNewAnchor(doc, good.start, good.start)).toEqual({ ok: false, field: "range" });
  });

  it("covers passages across blocks, and is outdated when their text is gone or the order flips", () => {
    const doc = new Y.Doc();
    const root = doc.get("root", Y.XmlText);
    const first = new Y.XmlText();
    const second = new Y.XmlText();
    root.insertEmbed(0, first);
    root.insertEmbed(1, second);
    first.insertEmbed(0, new Y.Map());
    first.insert(1, "Eerste alinea.");
    second.insertEmbed(0, new Y.Map());
    second.insert(1, "Tweede alinea.");
    const start = b64(Y.createRelativePositionFromTypeIndex(first, 1 + 7, 0));
    const end = b64(Y.createRelativePositionFromTypeIndex(second, 1 + 6, -1));
    expect(anchorState(doc, start, end)).toEqual({ outdated: false, currentText: "alinea.\nTweede" });
    expect(anchorState(doc, end, start).outdated).toBe(true);
    first.delete(1 + 7, 7);
    second.delete(1, 6);
    expect(anchorState(doc, start, end)).toEqual({ outdated: true, currentText: null });
  });
});
