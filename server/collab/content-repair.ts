import * as Y from "yjs";

/** An update that repairs a document, and what it repaired (for the log). */
export interface ContentRepairUpdate {
  update: Uint8Array;
  types: string[];
}

/**
 * What keeps a room's document readable by every editor, supplied by whoever knows the editor's
 * schema (server/documents/lexical-content-repair.ts). The room stores and broadcasts a repair like
 * any trusted update, together with the change it repairs.
 */
export interface ContentRepair {
  /** After a change was applied to the room's document: the update that repairs what it broke, or null. */
  afterChange(doc: Y.Doc, change: Y.Transaction): ContentRepairUpdate | null;
  /** A document as loaded from the store: the update that repairs it, or null. */
  onLoad(doc: Y.Doc): ContentRepairUpdate | null;
}

/** For rooms that keep whatever they get (collaboration tests that are about something else). */
export const keepContentAsIs: ContentRepair = { afterChange: () => null, onLoad: () => null };

/**
 * Applies `update` to `doc` and then, when `repair` finds the change left content an editor cannot
 * read, the repair too; answers the repair applied. Throws what Y.applyUpdate throws.
 */
export function applyRepairing(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  repair: ContentRepair | null,
): ContentRepairUpdate | null {
  let change: Y.Transaction | undefined;
  const see = (transaction: Y.Transaction) => {
    change = transaction;
  };
  doc.on("afterTransaction", see);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off("afterTransaction", see);
  }
  const repaired = change && repair ? repair.afterChange(doc, change) : null;
  if (repaired) Y.applyUpdate(doc, repaired.update, "server");
  return repaired;
}
