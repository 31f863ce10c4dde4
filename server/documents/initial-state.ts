import { $createParagraphNode, $getRoot } from "lexical";
import * as Y from "yjs";
import { bindHeadlessEditor } from "./headless-binding";

/**
 * Runs `build` in a headless editor bound to a fresh Y.Doc and returns the Y.Doc update that
 * holds the result — the form in which the collaboration server stores and serves documents.
 */
export function encodeDocumentUpdate(build: () => void): Uint8Array {
  const headless = bindHeadlessEditor();
  try {
    headless.editor.update(build, { discrete: true });
    return Y.encodeStateAsUpdate(headless.doc);
  } finally {
    headless.dispose();
  }
}

/**
 * The first state of a new document: one empty paragraph. Seeded on the server so clients never
 * bootstrap (two clients bootstrapping at once would each insert a paragraph).
 */
export function emptyDocumentUpdate(): Uint8Array {
  return encodeDocumentUpdate(() => {
    $getRoot().clear().append($createParagraphNode());
  });
}
