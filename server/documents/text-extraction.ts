import { $isHeadingNode } from "@lexical/rich-text";
import { $isHorizontalRuleNode } from "@lexical/extension";
import { $isListItemNode, $isListNode } from "@lexical/list";
import { $isTableNode, $isTableRowNode } from "@lexical/table";
import { $getRoot, type LexicalNode, type SerializedEditorState } from "lexical";
import * as Y from "yjs";
import type { Logger } from "../logger";
import { bindHeadlessEditor, flushEditor } from "./headless-binding";
import { replaceUnknownNodes, type UnknownNode, unknownNodeLabels } from "./unknown-nodes";

export interface ExtractedText {
  /** The text of the first heading, when the document starts with one. */
  title?: string;
  /** The whole text, one block per line, for listings and search. */
  plainText: string;
  lexicalJson: SerializedEditorState;
  /** What this read showed as placeholders (labels of unknown or malformed nodes); empty when clean. */
  unknownNodeTypes: string[];
}

/**
 * Logs a warning naming the document and what a read showed as placeholders; nothing when it was
 * clean. For whoever gets the extraction's result (the extraction itself may run on a worker thread).
 */
export function warnOfUnknownNodes(logger: Logger, documentId: string, extracted: ExtractedText): void {
  if (extracted.unknownNodeTypes.length === 0) return;
  logger.warn("document holds nodes the editor cannot read; they were read as placeholders", {
    documentId,
    types: extracted.unknownNodeTypes,
  });
}

/**
 * Reads a document's Y.Doc the way a client would see it: a headless Lexical editor with the
 * shared node list is bound to a fresh Y.Doc, the state is applied, and the editor is read.
 * Nodes Lexical cannot read (an unregistered type …) are read as placeholders keeping their text
 * and listed in `unknownNodeTypes` (see warnOfUnknownNodes); `source` itself is never changed.
 * Still throws for a document Lexical fails on otherwise (nesting deeper than its recursion goes).
 */
export function extractDocumentText(source: Y.Doc | Uint8Array): ExtractedText {
  const headless = bindHeadlessEditor();
  try {
    // Binding before applying: the binding only learns about content through change events.
    const update = source instanceof Uint8Array ? source : Y.encodeStateAsUpdate(source);
    let unknown: UnknownNode[] = [];
    // The copy is repaired inside the transaction that fills it, so the binding's observer only
    // ever sees placeholders.
    headless.doc.transact(() => {
      Y.applyUpdate(headless.doc, update);
      unknown = replaceUnderClientIdOfItsOwn(headless.doc);
    });
    const unknownNodeTypes = unknownNodeLabels(unknown);
    flushEditor(headless.editor);
    return headless.editor.getEditorState().read(() => {
      const root = $getRoot();
      const first = root.getFirstChild();
      const title = $isHeadingNode(first) ? first.getTextContent().trim() || undefined : undefined;
      const plainText = root.getChildren().flatMap($blockLines).join("\n").trim();
      return { title, plainText, lexicalJson: headless.editor.getEditorState().toJSON(), unknownNodeTypes };
    });
  } finally {
    headless.dispose();
  }
}

/**
 * Y.applyUpdate marks its transaction as not local, and Yjs takes a change that is not local yet made
 * under the doc's own client id for another client using that id (it warns and picks a new one). The
 * repair, made inside that transaction, therefore writes under an id of its own.
 */
function replaceUnderClientIdOfItsOwn(doc: Y.Doc): UnknownNode[] {
  const own = doc.clientID;
  let id = (own + 1) >>> 0;
  while (doc.store.clients.has(id)) id = (id + 1) >>> 0;
  doc.clientID = id;
  try {
    return replaceUnknownNodes(doc);
  } finally {
    doc.clientID = own;
  }
}

/** The lines of a block: one per paragraph, heading or quote, one per list item at any depth, one per table row. */
function $blockLines(node: LexicalNode): string[] {
  if ($isListNode(node)) return node.getChildren().flatMap($blockLines);
  if ($isHorizontalRuleNode(node)) return [];
  if ($isTableNode(node)) {
    return node
      .getChildren()
      .filter($isTableRowNode)
      .map((row) =>
        row
          .getChildren()
          .map((cell) => cell.getTextContent().replace(/\s+/g, " ").trim())
          .join(" · "),
      );
  }
  if ($isListItemNode(node)) {
    const nested = node.getChildren().filter($isListNode);
    if (nested.length > 0) return nested.flatMap($blockLines);
  }
  return [node.getTextContent()];
}
