import * as Y from "yjs";

/**
 * Content written straight into a Y.Doc the way @lexical/yjs stores it, for tests that must write
 * what no Lexical editor would (an unknown node type, a malformed shape, a document of an older version).
 */

/** A text leaf: a Y.Map with the node's properties; its text follows it in the parent element. */
export function textLeaf(type = "text"): Y.Map<unknown> {
  const leaf = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({
    __type: type,
    __format: 0,
    __style: "",
    __mode: 0,
    __detail: 0,
  }))
    leaf.set(key, value);
  return leaf;
}

/** An element block (a nested Y.XmlText) holding one text run, at `index` of `parent`; `type` undefined leaves `__type` out. */
export function insertBlock(parent: Y.XmlText, index: number, type: unknown, text: string): Y.XmlText {
  const block = new Y.XmlText();
  parent.insertEmbed(index, block);
  if (type !== undefined) block.setAttribute("__type", type as string);
  block.insertEmbed(0, textLeaf());
  block.insert(1, text);
  return block;
}
