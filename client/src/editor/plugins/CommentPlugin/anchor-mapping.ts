import {
  $createRangeSelection,
  $createRangeSelectionFromDom,
  $getNodeByKey,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
} from "lexical";
import * as Y from "yjs";
import type { PassageAnchor } from "../../../../../shared/schemas/comments";

/**
 * Lexical points <-> Yjs relative positions, the way @lexical/yjs maps cursors (SyncCursors.ts).
 * The binding is private to the CollaborationPlugin, but every shared type it materialised carries
 * its collab node (`_collabNode`), and the collab tree mirrors the Lexical tree: an element is an
 * XmlText whose children are, in order, one embed per child, a text child being a property map
 * followed by its characters.
 */
interface CollabText {
  _key: string;
  _text: string;
}
interface CollabElement {
  _key: string;
  _xmlText: Y.XmlText;
  _children: CollabChild[];
}
type CollabChild = CollabElement | CollabText | { _key: string };

const ROOT_NAME = "root";
const isCollabText = (node: CollabChild): node is CollabText =>
  typeof (node as CollabText)._text === "string";
const isCollabElement = (node: unknown): node is CollabElement =>
  typeof node === "object" && node !== null && Array.isArray((node as CollabElement)._children);
const sizeOf = (node: CollabChild) => (isCollabText(node) ? node._text.length + 1 : 1);

function rootCollabNode(doc: Y.Doc): CollabElement | null {
  const collab = (doc.get(ROOT_NAME, Y.XmlText) as unknown as { _collabNode?: unknown })._collabNode;
  return isCollabElement(collab) ? collab : null;
}

/** Finds the collab node of a Lexical key, with its parent (the binding's map is private). */
function findCollab(
  node: CollabElement,
  key: string,
): { node: CollabChild; parent: CollabElement | null } | null {
  if (node._key === key) return { node, parent: null };
  for (const child of node._children) {
    if (child._key === key) return { node: child, parent: node };
    if (isCollabElement(child)) {
      const found = findCollab(child, key);
      if (found) return found;
    }
  }
  return null;
}

function relativePosition(
  root: CollabElement,
  point: { key: string; offset: number; type: "text" | "element" },
  assoc: number,
): Y.RelativePosition | null {
  const found = findCollab(root, point.key);
  if (!found) return null;
  if (point.type === "text") {
    if (!isCollabText(found.node) || !found.parent) return null;
    let index = 0;
    for (const child of found.parent._children) {
      if (child === found.node) break;
      index += sizeOf(child);
    }
    return Y.createRelativePositionFromTypeIndex(found.parent._xmlText, index + 1 + point.offset, assoc);
  }
  if (!isCollabElement(found.node)) return null;
  const index = found.node._children.slice(0, point.offset).reduce((sum, child) => sum + sizeOf(child), 0);
  return Y.createRelativePositionFromTypeIndex(found.node._xmlText, index, assoc);
}

const toBase64 = (rel: Y.RelativePosition) => {
  let binary = "";
  for (const byte of Y.encodeRelativePosition(rel)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const fromBase64 = (base64: string): Y.RelativePosition | null => {
  try {
    return Y.decodeRelativePosition(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
};

/**
 * The passage anchor of the browser's current selection inside this editor, or null (collapsed,
 * outside, not bound yet). Reads the DOM selection, so it works in a read-only editor too.
 */
export function $anchorFromDomSelection(editor: LexicalEditor, doc: Y.Doc): PassageAnchor | null {
  const root = rootCollabNode(doc);
  const selection = $createRangeSelectionFromDom(window.getSelection(), editor);
  if (!root || !selection || selection.isCollapsed()) return null;
  const quote = selection.getTextContent().trim();
  if (!quote) return null;
  const [first, last] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  // Start sticks to the first quoted character, end to the last: typing at the edges stays outside.
  const start = relativePosition(root, first, 0);
  const end = relativePosition(root, last, -1);
  if (!start || !end) return null;
  return { start: toBase64(start), end: toBase64(end), quote: quote.slice(0, 2000) };
}

/** A point of the current editor state: a node and an offset as Lexical counts it. */
export interface ResolvedPoint {
  node: LexicalNode;
  offset: number;
}

function lexicalPoint(doc: Y.Doc, rel: Y.RelativePosition): ResolvedPoint | null {
  let abs: Y.AbsolutePosition | null = null;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  } catch {
    return null;
  }
  if (!abs) return null;
  const collab = (abs.type as unknown as { _collabNode?: unknown })._collabNode;
  if (!isCollabElement(collab)) return null;
  let index = 0;
  for (const [childIndex, child] of collab._children.entries()) {
    const size = sizeOf(child);
    // Positions index..index+size of a text child: its property map (= offset 0), then its characters.
    if (isCollabText(child) && abs.index >= index && abs.index <= index + size) {
      const node = $getNodeByKey(child._key);
      if (!$isTextNode(node)) return null;
      return { node, offset: Math.max(0, Math.min(abs.index - index - 1, node.getTextContentSize())) };
    }
    if (!isCollabText(child) && abs.index === index) {
      const element = $getNodeByKey(collab._key);
      return element ? { node: element, offset: childIndex } : null;
    }
    index += size;
  }
  const element = $getNodeByKey(collab._key);
  return element ? { node: element, offset: collab._children.length } : null;
}

/** The text between two resolved points, or null when the range is reversed or holds no text. */
export function $textBetween(start: ResolvedPoint, end: ResolvedPoint): string | null {
  const selection = $createRangeSelection();
  const type = (point: ResolvedPoint) => ($isTextNode(point.node) ? "text" : "element");
  selection.anchor.set(start.node.getKey(), start.offset, type(start));
  selection.focus.set(end.node.getKey(), end.offset, type(end));
  if (selection.isBackward()) return null;
  const text = selection.getTextContent();
  return text.trim() ? text : null;
}

/**
 * Where a stored passage is in the current editor state (inside editor.read), or null when it
 * cannot be placed: a position is gone, or the range is empty or reversed (the passage was deleted).
 */
export function $resolvePassage(
  doc: Y.Doc,
  start: string,
  end: string,
): { start: ResolvedPoint; end: ResolvedPoint } | null {
  const startRel = fromBase64(start);
  const endRel = fromBase64(end);
  if (!startRel || !endRel) return null;
  const a = lexicalPoint(doc, startRel);
  const b = lexicalPoint(doc, endRel);
  if (!a || !b) return null;
  return { start: a, end: b };
}
