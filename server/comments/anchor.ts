import * as Y from "yjs";

/** Where a passage anchor stands in the current document. */
export interface AnchorResolution {
  /** The passage is gone: a position no longer resolves, or the range is empty. */
  outdated: boolean;
  /** The covered text when start and end sit in the same text type; null otherwise. */
  currentText: string | null;
}

/** The document's shared root, as @lexical/yjs keeps it. */
export const ROOT_TYPE_NAME = "root";

/** Decodes a base64 relative position, or undefined when it is not one (client input). */
export function decodeRelativePosition(base64: string): Y.RelativePosition | undefined {
  try {
    const bytes = Buffer.from(base64, "base64");
    if (bytes.length === 0 || bytes.toString("base64").replace(/=+$/, "") !== base64.replace(/=+$/, ""))
      return undefined;
    const rel = Y.decodeRelativePosition(bytes);
    // A position names either an item, or a type (by id or root name); anything else is garbage that decoded.
    if (!rel.item && !rel.type && !rel.tname) return undefined;
    if (rel.tname !== null && rel.tname !== ROOT_TYPE_NAME) return undefined;
    return rel;
  } catch {
    return undefined;
  }
}

function insideRoot(type: Y.AbstractType<unknown>, root: Y.AbstractType<unknown>): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  for (let depth = 0; current && depth < 1000; depth++) {
    if (current === root) return true;
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? parent : null;
  }
  return false;
}

function absolute(rel: Y.RelativePosition, doc: Y.Doc, root: Y.AbstractType<unknown>) {
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
    if (!abs || !insideRoot(abs.type, root)) return null;
    return abs;
  } catch {
    return null;
  }
}

/** The plain characters of an XmlText between two indexes; embeds (Lexical's node maps, nested elements) count as one. */
function textBetween(type: Y.XmlText, from: number, to: number): string {
  let index = 0;
  let out = "";
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    if (typeof op.insert === "string") {
      const a = Math.max(from, index);
      const b = Math.min(to, index + length);
      if (a < b) out += op.insert.slice(a - index, b - index);
    }
    index += length;
    if (index >= to) break;
  }
  return out;
}

/** Resolves a passage anchor against the current document (positions may sit in nested types of the root). */
export function resolveAnchor(
  doc: Y.Doc,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
): AnchorResolution {
  const root = doc.get(ROOT_TYPE_NAME, Y.XmlText) as unknown as Y.AbstractType<unknown>;
  const a = absolute(start, doc, root);
  const b = absolute(end, doc, root);
  if (!a || !b) return { outdated: true, currentText: null };
  if (a.type !== b.type) return { outdated: false, currentText: null };
  if (b.index <= a.index) return { outdated: true, currentText: null };
  const text = a.type instanceof Y.XmlText ? textBetween(a.type, a.index, b.index) : null;
  // A range that holds only node boundaries (embeds) and no characters is as good as empty.
  if (text !== null && text.length === 0) return { outdated: true, currentText: null };
  return { outdated: false, currentText: text };
}

/** Checks a fresh anchor from a client: both positions decode and cover a non-empty range of this document. */
export function validateNewAnchor(
  doc: Y.Doc,
  startBase64: string,
  endBase64: string,
): { ok: true } | { ok: false; field: "start" | "end" | "range" } {
  const start = decodeRelativePosition(startBase64);
  if (!start) return { ok: false, field: "start" };
  const end = decodeRelativePosition(endBase64);
  if (!end) return { ok: false, field: "end" };
  const resolution = resolveAnchor(doc, start, end);
  return resolution.outdated ? { ok: false, field: "range" } : { ok: true };
}

/** Whether a stored anchor is outdated now, with the text it covers; undecodable anchors count as outdated. */
export function anchorState(doc: Y.Doc, startBase64: string, endBase64: string): AnchorResolution {
  const start = decodeRelativePosition(startBase64);
  const end = decodeRelativePosition(endBase64);
  if (!start || !end) return { outdated: true, currentText: null };
  return resolveAnchor(doc, start, end);
}
