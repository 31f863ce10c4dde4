import * as Y from "yjs";

/** Where a passage anchor stands in the current document. */
export interface AnchorResolution {
  /** The passage is gone: a position no longer resolves, or the range is empty. */
  outdated: boolean;
  /** The covered text now (blocks joined by a newline); null when outdated. */
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

interface Point {
  type: Y.AbstractType<unknown>;
  index: number;
}

/**
 * The plain text between two points, walking the root in document order (Lexical keeps each block
 * as an XmlText embedded in the root, and inline elements as XmlTexts inside those). Embeds that are
 * not text (Lexical's node maps) count as one position and add no text; blocks are joined by "\n".
 * Answers null when the end does not come after the start.
 */
function textBetween(root: Y.XmlText, a: Point, b: Point): string | null {
  let collecting = false;
  let done = false;
  let out = "";
  const boundary = (type: object, index: number) => {
    if (done) return;
    if (type === a.type && index === a.index) collecting = true;
    if (type === b.type && index === b.index) {
      done = true;
      if (!collecting) out = "";
      collecting = false;
    }
  };
  const visit = (type: Y.XmlText) => {
    let index = 0;
    for (const op of type.toDelta() as Array<{ insert: unknown }>) {
      if (done) return;
      boundary(type, index);
      if (typeof op.insert === "string") {
        const text = op.insert;
        const cuts = [a, b]
          .filter((p) => p.type === type && p.index > index && p.index < index + text.length)
          .map((p) => p.index - index)
          .sort((x, y) => x - y);
        let from = 0;
        for (const cut of [...cuts, text.length]) {
          if (collecting) out += text.slice(from, cut);
          if (cut < text.length) boundary(type, index + cut);
          from = cut;
        }
        index += text.length;
      } else {
        if (op.insert instanceof Y.XmlText) {
          if (collecting && type === root && out.length && !out.endsWith("\n")) out += "\n";
          visit(op.insert);
        }
        index += 1;
      }
    }
    boundary(type, index);
  };
  visit(root);
  return done ? out : null;
}

/** Resolves a passage anchor against the current document (positions may sit in nested types of the root). */
export function resolveAnchor(
  doc: Y.Doc,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
): AnchorResolution {
  const root = doc.get(ROOT_TYPE_NAME, Y.XmlText);
  const a = absolute(start, doc, root as unknown as Y.AbstractType<unknown>);
  const b = absolute(end, doc, root as unknown as Y.AbstractType<unknown>);
  if (!a || !b) return { outdated: true, currentText: null };
  const text = textBetween(root, a, b);
  // A range holding only node boundaries (embeds) and no characters is as good as gone.
  if (text === null || text.trim().length === 0) return { outdated: true, currentText: null };
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
