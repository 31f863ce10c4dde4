import { describe, expect, it } from "vitest";
import { diffDocuments, markWords } from "./diff";

const text = (t: string) => ({
  type: "text",
  text: t,
  format: 0,
  detail: 0,
  mode: "normal",
  style: "",
  version: 1,
});
const p = (t: string) => ({ type: "paragraph", children: [text(t)], version: 1 });
const h = (t: string, tag = "h2") => ({ type: "heading", tag, children: [text(t)], version: 1 });
const lesson = (id: string, kind: string, t: string) => ({
  type: "lesson",
  lessonId: id,
  kind,
  children: [text(t)],
  version: 1,
});
const list = (...items: string[]) => ({
  type: "list",
  listType: "bullet",
  children: items.map((t) => ({ type: "listitem", children: [text(t)], version: 1 })),
  version: 1,
});
const doc = (...children: unknown[]) => ({ root: { type: "root", children, version: 1 } });

describe("diffDocuments", () => {
  it("finds nothing between equal texts", () => {
    const a = doc(h("Verslag"), p("De gemeente kiest een regisseur."));
    const diff = diffDocuments(a, a);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, same: 2 });
    expect(diff.blocks.map((b) => b.op)).toEqual(["same", "same"]);
  });

  it("marks added, removed and changed blocks, with the changed words", () => {
    const before = doc(
      h("Verslag"),
      p("De gemeente kiest een regisseur."),
      p("Dit blok verdwijnt helemaal."),
    );
    const after = doc(
      h("Verslag"),
      p("De gemeenten kiezen een vaste regisseur."),
      p("Iets totaal nieuws over subsidie."),
    );
    const diff = diffDocuments(before, after);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, same: 1 });
    const changed = diff.blocks.find((b) => b.op === "changed");
    expect(changed?.before).toBe("De gemeente kiest een regisseur.");
    expect(changed?.after).toBe("De gemeenten kiezen een vaste regisseur.");
    expect(changed?.words?.filter((w) => w.op === "added").map((w) => w.text)).toEqual([
      "gemeenten",
      "kiezen",
      "vaste ",
    ]);
    expect(diff.blocks.find((b) => b.op === "removed")?.before).toBe("Dit blok verdwijnt helemaal.");
    expect(diff.blocks.find((b) => b.op === "added")?.after).toBe("Iets totaal nieuws over subsidie.");
  });

  it("keeps a lesson one lesson by its id, showing its kind, even when its text and kind change", () => {
    const before = doc(lesson("les1", "pitfall", "Geen regisseur aanstellen"));
    const after = doc(lesson("les1", "dont", "Nooit zonder vaste regisseur beginnen"));
    const diff = diffDocuments(before, after);
    expect(diff.blocks).toHaveLength(1);
    expect(diff.blocks[0]).toMatchObject({
      op: "changed",
      type: "lesson",
      lessonKind: "dont",
      lessonId: "les1",
      topIndex: 0,
    });
  });

  it("never pairs two different lessons as one changed lesson", () => {
    const diff = diffDocuments(
      doc(lesson("a1", "do", "Betrek bewoners vroeg")),
      doc(lesson("b2", "do", "Betrek bewoners vroeg en vaak")),
    );
    expect(diff.counts).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it("reads list items one by one, with the top-level block they belong to", () => {
    const diff = diffDocuments(
      doc(p("Intro"), list("een", "twee")),
      doc(p("Intro"), list("een", "twee", "drie")),
    );
    expect(diff.blocks.map((b) => [b.op, b.type, b.after])).toEqual([
      ["same", "paragraph", "Intro"],
      ["same", "listItem", "een"],
      ["same", "listItem", "twee"],
      ["added", "listItem", "drie"],
    ]);
    expect(diff.blocks[1].topIndex).toBe(1);
  });

  it("handles an empty or missing state as a document without lines", () => {
    expect(diffDocuments(undefined, doc(p("Nieuw"))).counts).toEqual({
      added: 1,
      removed: 0,
      changed: 0,
      same: 0,
    });
    expect(diffDocuments(doc(p("Weg")), null).counts).toEqual({ added: 0, removed: 1, changed: 0, same: 0 });
  });

  it("still answers for a text rewritten from top to bottom (beyond the exact alignment's edit limit)", () => {
    const before = doc(...Array.from({ length: 3_000 }, (_, i) => p(`oude regel ${i} alpha`)));
    const after = doc(...Array.from({ length: 3_000 }, (_, i) => p(`nieuwe zin ${i} beta gamma`)));
    const diff = diffDocuments(before, after);
    expect(diff.counts.same).toBe(0);
    expect(diff.counts.added + diff.counts.changed).toBe(3_000);
    expect(diff.counts.removed + diff.counts.changed).toBe(3_000);
  });
});

describe("markWords", () => {
  it("joins back to both texts", () => {
    const words = markWords("een twee drie", "een drie vier");
    expect(
      words
        .filter((w) => w.op !== "added")
        .map((w) => w.text)
        .join(""),
    ).toBe("een twee drie");
    expect(
      words
        .filter((w) => w.op !== "removed")
        .map((w) => w.text)
        .join(""),
    ).toBe("een drie vier");
  });
});
