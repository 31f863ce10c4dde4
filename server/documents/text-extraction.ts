import { $isHeadingNode } from "@lexical/rich-text";
import { $isListItemNode, $isListNode } from "@lexical/list";
import { $getRoot, type LexicalNode, type SerializedEditorState } from "lexical";
import * as Y from "yjs";
import { bindHeadlessEditor, flushEditor } from "./headless-binding";

export interface ExtractedText {
  /** The text of the first heading, when the document starts with one. */
  title?: string;
  /** The whole text, one block per line, for listings and search. */
  plainText: string;
  lexicalJson: SerializedEditorState;
}

/**
 * Reads a document's Y.Doc the way a client would see it: a headless Lexical editor with the
 * shared node list is bound to a fresh Y.Doc, the state is applied, and the editor is read.
 * Throws "Node X is not registered" when the document holds a node the list lacks.
 */
export function extractDocumentText(source: Y.Doc | Uint8Array): ExtractedText {
  const headless = bindHeadlessEditor();
  try {
    // Binding before applying: the binding only learns about content through change events.
    const update = source instanceof Uint8Array ? source : Y.encodeStateAsUpdate(source);
    Y.applyUpdate(headless.doc, update);
    flushEditor(headless.editor);
    return headless.editor.getEditorState().read(() => {
      const root = $getRoot();
      const first = root.getFirstChild();
      const title = $isHeadingNode(first) ? first.getTextContent().trim() || undefined : undefined;
      const plainText = root.getChildren().flatMap($blockLines).join("\n").trim();
      return { title, plainText, lexicalJson: headless.editor.getEditorState().toJSON() };
    });
  } finally {
    headless.dispose();
  }
}

/** The lines of a block: one per paragraph, heading or quote, one per list item at any depth. */
function $blockLines(node: LexicalNode): string[] {
  if ($isListNode(node)) return node.getChildren().flatMap($blockLines);
  if ($isListItemNode(node)) {
    const nested = node.getChildren().filter($isListNode);
    if (nested.length > 0) return nested.flatMap($blockLines);
  }
  return [node.getTextContent()];
}
