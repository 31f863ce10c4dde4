import type { ContentRepair } from "../collab/content-repair";
import { changeLeavesUnknownNodes, repairUnknownNodes } from "./unknown-nodes";

/**
 * Keeps every room's document readable by the Lexical editor: a node it cannot read (an
 * unregistered type, a malformed shape), whether stored earlier or sent just now, becomes a
 * visible placeholder that keeps its text. A change is checked by what it touched; only a change
 * that left such a node pays for the repair's walk over the whole document.
 */
export const lexicalContentRepair: ContentRepair = {
  afterChange: (doc, change) => (changeLeavesUnknownNodes(change) ? repairUnknownNodes(doc) : null),
  onLoad: (doc) => repairUnknownNodes(doc),
};
