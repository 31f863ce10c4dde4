import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from "lexical";
import { decoratePlaceholderDOM } from "./placeholder-dom";

export type SerializedUnknownDecoratorNode = Spread<
  { originalType: string; inline: boolean },
  SerializedLexicalNode
>;

/**
 * Stands in for a decorator (a Y.XmlElement) whose node type no editor here registers, or any other
 * embed that is not a node Lexical can read. A decorator keeps its data in attributes only, so there is
 * no text to show: just the label, which cannot be edited (the block can be deleted like any other).
 * `originalType` keeps the type it had ("" when it had none).
 */
export class UnknownDecoratorNode extends DecoratorNode<null> {
  __originalType: string;
  __inline: boolean;

  static override getType(): string {
    return "unknown-decorator";
  }

  static override clone(node: UnknownDecoratorNode): UnknownDecoratorNode {
    return new UnknownDecoratorNode(node.__originalType, node.__inline, node.__key);
  }

  constructor(originalType = "", inline = false, key?: NodeKey) {
    super(key);
    this.__originalType = originalType;
    this.__inline = inline;
  }

  /** The node type it had before it was replaced ("" when it had none). */
  getOriginalType(): string {
    return this.getLatest().__originalType;
  }

  override isInline(): boolean {
    return this.__inline;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement(this.__inline ? "span" : "div");
    decoratePlaceholderDOM(dom, config, "decorator", this.__originalType);
    return dom;
  }

  override updateDOM(prevNode: this): boolean {
    return prevNode.__inline !== this.__inline || prevNode.__originalType !== this.__originalType;
  }

  // Nothing to render inside: the label is the placeholder's own DOM (see createDOM).
  override decorate(): null {
    return null;
  }

  static override importJSON(json: SerializedUnknownDecoratorNode): UnknownDecoratorNode {
    return $createUnknownDecoratorNode(String(json.originalType ?? ""), json.inline === true).updateFromJSON(
      json,
    );
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedUnknownDecoratorNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedUnknownDecoratorNode {
    return {
      ...super.exportJSON(),
      type: "unknown-decorator",
      version: 1,
      originalType: this.getOriginalType(),
      inline: this.__inline,
    };
  }
}

/** A placeholder for a decorator (or foreign embed) of type `originalType`. */
export function $createUnknownDecoratorNode(originalType: string, inline = false): UnknownDecoratorNode {
  return $applyNodeReplacement(new UnknownDecoratorNode(originalType, inline));
}

export function $isUnknownDecoratorNode(node: LexicalNode | null | undefined): node is UnknownDecoratorNode {
  return node instanceof UnknownDecoratorNode;
}
