import {
  $applyNodeReplacement,
  $createParagraphNode,
  type EditorConfig,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from "lexical";
import { decoratePlaceholderDOM } from "./placeholder-dom";

export type SerializedUnknownElementNode = Spread<
  { originalType: string; inline: boolean },
  SerializedElementNode
>;

/**
 * Stands in for an element (a nested Y.XmlText) whose node type no editor here registers, or that was
 * stored malformed; the server's repair puts it in its place. Its children stay as they were, so the
 * text inside is shown and editable like any other; `originalType` keeps the type it had ("" when it
 * had none). Inline when it sat inside another element, a block when directly under the root.
 */
export class UnknownElementNode extends ElementNode {
  __originalType: string;
  __inline: boolean;

  static override getType(): string {
    return "unknown-element";
  }

  static override clone(node: UnknownElementNode): UnknownElementNode {
    return new UnknownElementNode(node.__originalType, node.__inline, node.__key);
  }

  constructor(originalType = "", inline = false, key?: NodeKey) {
    super(key);
    this.__originalType = originalType;
    this.__inline = inline;
  }

  /** The node type the block had before it was replaced ("" when it had none). */
  getOriginalType(): string {
    return this.getLatest().__originalType;
  }

  // Read from the node itself: Lexical asks this outside reads too, and it never changes once made.
  override isInline(): boolean {
    return this.__inline;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement(this.__inline ? "span" : "div");
    decoratePlaceholderDOM(dom, config, "element", this.__originalType);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__inline !== this.__inline) return true;
    if (prevNode.__originalType !== this.__originalType) {
      decoratePlaceholderDOM(dom, config, "element", this.__originalType);
    }
    return false;
  }

  static override importJSON(json: SerializedUnknownElementNode): UnknownElementNode {
    return $createUnknownElementNode(String(json.originalType ?? ""), json.inline === true).updateFromJSON(
      json,
    );
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedUnknownElementNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedUnknownElementNode {
    return {
      ...super.exportJSON(),
      type: "unknown-element",
      version: 1,
      originalType: this.getOriginalType(),
      inline: this.__inline,
    };
  }

  // Enter at the end of the block goes on in an ordinary paragraph, as after a lesson.
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode | null {
    if (this.__inline) return null;
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }
}

/** A placeholder element for a node of type `originalType`; inline inside another element, else a block. */
export function $createUnknownElementNode(originalType: string, inline = false): UnknownElementNode {
  return $applyNodeReplacement(new UnknownElementNode(originalType, inline));
}

export function $isUnknownElementNode(node: LexicalNode | null | undefined): node is UnknownElementNode {
  return node instanceof UnknownElementNode;
}
