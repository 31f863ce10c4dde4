import { createHeadlessEditor } from "@lexical/headless";
import {
  DecoratorNode,
  ElementNode,
  type Klass,
  type LexicalNode,
  LineBreakNode,
  RootNode,
  TextNode,
} from "lexical";
import { editorNodes } from "../../shared/editor";

/**
 * The Yjs shared type @lexical/yjs stores a node of each kind as: an element as a nested Y.XmlText
 * (attribute `__type`), a text or line break as a Y.Map (key `__type`; a text's string follows the
 * map in its parent), a decorator as a Y.XmlElement (attribute `__type`).
 */
export type SharedTypeKind = "XmlText" | "Map" | "XmlElement";

let known: ReadonlyMap<string, SharedTypeKind | "root"> | undefined;
let knownNames: ReadonlySet<string> | undefined;

function kindOf(klass: Klass<LexicalNode>): SharedTypeKind | "root" | undefined {
  // RootNode is an ElementNode, so it is asked first; it is only ever the document's top level.
  if (klass === RootNode || klass.prototype instanceof RootNode) return "root";
  if (klass === ElementNode || klass.prototype instanceof ElementNode) return "XmlText";
  if (klass === TextNode || klass.prototype instanceof TextNode) return "Map";
  if (klass === LineBreakNode || klass.prototype instanceof LineBreakNode) return "Map";
  if (klass === DecoratorNode || klass.prototype instanceof DecoratorNode) return "XmlElement";
  return undefined;
}

/** Each registered type with its kind, read once from a headless editor's node registry. */
function knownTypes(): ReadonlyMap<string, SharedTypeKind | "root"> {
  if (!known) {
    const editor = createHeadlessEditor({ namespace: "node-types", nodes: [...editorNodes] });
    const kinds = new Map<string, SharedTypeKind | "root">();
    for (const [type, { klass }] of editor._nodes) {
      const kind = kindOf(klass);
      if (kind) kinds.set(type, kind);
    }
    known = kinds;
  }
  return known;
}

/**
 * Every node type a headless editor with the shared node list knows, Lexical's built-ins ("root",
 * "text", "paragraph" …) and the placeholders included.
 */
export function registeredNodeTypes(): ReadonlySet<string> {
  knownNames ??= new Set(knownTypes().keys());
  return knownNames;
}

/**
 * The shared type a node of this type must be stored as below the root; undefined for a type no
 * editor registers, and for "root", which is never nested.
 */
export function sharedTypeKindOf(type: string): SharedTypeKind | undefined {
  const kind = knownTypes().get(type);
  return kind === "root" ? undefined : kind;
}
