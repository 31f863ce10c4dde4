import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createLessonNode } from "../../shared/editor";
import { encodeDocumentUpdate } from "./initial-state";
import { buildRestoreUpdate, RestoreBlockError } from "./restore-update";
import { extractDocumentText } from "./text-extraction";

const paragraph = (text: string) => $createParagraphNode().append($createTextNode(text));
const lesson = (id: string, text: string) =>
  $createLessonNode("pitfall", [], id).append($createTextNode(text));

/** A document state made of these blocks, and its Lexical JSON (what a version stores). */
function state(build: () => void): { update: Uint8Array; json: unknown } {
  const update = encodeDocumentUpdate(() => {
    $getRoot().clear();
    build();
  });
  return { update, json: extractDocumentText(update).lexicalJson };
}

/** Applies a forward edit to a copy of `base`, as the collaboration server would. */
function applied(base: Uint8Array, update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  Y.applyUpdate(doc, update);
  return extractDocumentText(doc).plainText;
}

describe("buildRestoreUpdate", () => {
  const version = state(() =>
    $getRoot().append(paragraph("Eerste alinea"), lesson("lesson-aaa1", "Geen regisseur"), paragraph("Slot")),
  );

  it("brings the whole version back as an edit on top of the current state, keeping lesson ids", () => {
    // The current text grew from the version by other writers: a block changed, one removed, one added.
    const current = state(() =>
      $getRoot().append(paragraph("Eerste alinea herschreven"), paragraph("Nieuw blok"), paragraph("Slot")),
    );
    const build = buildRestoreUpdate(current.update, version.json);
    expect(build.changed).toBe(true);
    expect(build.after.plainText).toBe("Eerste alinea\nGeen regisseur\nSlot");
    expect(applied(current.update, build.update)).toBe("Eerste alinea\nGeen regisseur\nSlot");
    const lessonBlock = (
      build.after.lexicalJson.root.children as Array<{ type: string; lessonId?: string }>
    ).find((n) => n.type === "lesson");
    expect(lessonBlock?.lessonId).toBe("lesson-aaa1");
  });

  it("changes nothing when the text already is the version's", () => {
    const build = buildRestoreUpdate(version.update, version.json);
    expect(build.changed).toBe(false);
    expect(build.update.length).toBe(0);
  });

  it("restores one block in its place and leaves the rest of today's text alone", () => {
    const current = state(() =>
      $getRoot().append(paragraph("Eerste alinea"), paragraph("Later geschreven"), paragraph("Slot")),
    );
    const build = buildRestoreUpdate(current.update, version.json, 1);
    expect(applied(current.update, build.update)).toBe(
      "Eerste alinea\nGeen regisseur\nLater geschreven\nSlot",
    );
  });

  it("restores a lesson's text where the lesson is now, never as a second copy", () => {
    const current = state(() =>
      $getRoot().append(paragraph("Slot"), lesson("lesson-aaa1", "Herschreven valkuil")),
    );
    const build = buildRestoreUpdate(current.update, version.json, 1);
    expect(applied(current.update, build.update)).toBe("Slot\nGeen regisseur");
  });

  it("refuses a block the version does not have", () => {
    expect(() => buildRestoreUpdate(version.update, version.json, 9)).toThrow(RestoreBlockError);
  });
});
