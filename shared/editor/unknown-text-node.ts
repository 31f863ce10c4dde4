import {
  $applyNodeReplacement,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
  TextNode,
} from "lexical";
import { decoratePlaceholderDOM } from "./placeholder-dom";

export type SerializedUnknownTextNode = Spread<{ originalType: string }, SerializedTextNode>;

/**
 * Stands in for a text-like leaf (a Y.Map in its parent's text) whose node type no editor here
 * registers, or an element type stored as a leaf. Its text stays and is editable; `originalType`
 * keeps the type it had ("" when it had none).
 */
export class UnknownTextNode extends TextNode {
  __originalType: string;

  static override getType(): string {
    return "unknown-text";
  }

  static override clone(node: UnknownTextNode): UnknownTextNode {
    return new UnknownTextNode(node.__text, node.__originalType, node.__key);
  }

  constructor(text = "", originalType = "", key?: NodeKey) {
    super(text, key);
    this.__originalType = originalType;
  }

  /** The node type the leaf had before it was replaced ("" when it had none). */
  getOriginalType(): string {
    return this.getLatest().__originalType;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    decoratePlaceholderDOM(dom, config, "text", this.__originalType);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    const recreate = super.updateDOM(prevNode, dom, config);
    if (!recreate && prevNode.__originalType !== this.__originalType) {
      decoratePlaceholderDOM(dom, config, "text", this.__originalType);
    }
    return recreate;
  }

  static override importJSON(json: SerializedUnknownTextNode): UnknownTextNode {
    return $createUnknownTextNode(json.text ?? "", String(json.originalType ?? "")).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedUnknownTextNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedUnknownTextNode {
    return { ...super.exportJSON(), type: "unknown-text", version: 1, originalType: this.getOriginalType() };
  }
}

/** A placeholder text run holding `text`, for a leaf of type `originalType`. */
export function $createUnknownTextNode(text: string, originalType: string): UnknownTextNode {
  return $applyNodeReplacement(new UnknownTextNode(text, originalType));
}

export function $isUnknownTextNode(node: LexicalNode | null | undefined): node is UnknownTextNode {
  return node instanceof UnknownTextNode;
}
