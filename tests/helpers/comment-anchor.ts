import * as Y from "yjs";

/** A relative position as the API takes it. */
export const b64 = (rel: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(rel)).toString("base64");

/** What a browser does on "select text → comment": relative positions around the passage in its own copy. */
export function anchorFor(doc: Y.Doc, passage: string) {
  const root = doc.get("root", Y.XmlText);
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const paragraph = op.insert;
    let index = 0;
    for (const part of paragraph.toDelta() as Array<{ insert: unknown }>) {
      if (typeof part.insert === "string") {
        const at = part.insert.indexOf(passage);
        if (at >= 0) {
          return {
            start: b64(Y.createRelativePositionFromTypeIndex(paragraph, index + at, 0)),
            end: b64(Y.createRelativePositionFromTypeIndex(paragraph, index + at + passage.length, -1)),
            quote: passage,
          };
        }
        index += part.insert.length;
      } else index += 1;
    }
  }
  throw new Error(`passage not found: ${passage}`);
}
