import {
  $applyNodeReplacement,
  $createParagraphNode,
  $isRangeSelection,
  type BaseSelection,
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
import { type LessonKind, lessonKinds } from "../lessons";

export type SerializedLessonNode = Spread<
  { lessonId: string; kind: LessonKind; themes: string[] },
  SerializedElementNode
>;

/** A new stable lesson id: "l" + 20 base-36 characters from a secure random source. */
export function newLessonId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `l${Array.from(bytes, (b) => (b % 36).toString(36)).join("")}`.slice(0, 21);
}

const isKind = (k: unknown): k is LessonKind => lessonKinds.includes(k as LessonKind);

/**
 * A lesson block — a do, don't, pitfall, bottleneck or success factor — inside the text, with its themes and a
 * stable id created with the block. Kind and themes are plain properties, so they sync through Yjs like text does.
 * Themes are kept as a comma-separated string of theme ids: a scalar syncs and compares cleanly.
 */
export class LessonNode extends ElementNode {
  __lessonId: string;
  __kind: LessonKind;
  __themes: string;

  static override getType(): string {
    return "lesson";
  }

  static override clone(node: LessonNode): LessonNode {
    return new LessonNode(node.__kind, node.__themes, node.__lessonId, node.__key);
  }

  constructor(kind: LessonKind = "do", themes = "", lessonId = "", key?: NodeKey) {
    super(key);
    this.__kind = kind;
    this.__themes = themes;
    this.__lessonId = lessonId;
  }

  getLessonId(): string {
    return this.getLatest().__lessonId;
  }

  /** Gives the block another id (a pasted copy of a lesson becomes a lesson of its own). */
  setLessonId(lessonId: string): this {
    const self = this.getWritable();
    self.__lessonId = lessonId;
    return self;
  }

  /**
   * Copying or cutting all of a lesson's text takes the lesson block along (with its id, kind and themes), so
   * pasting it elsewhere moves the lesson instead of leaving plain text and an empty block behind.
   */
  override extractWithChild(
    _child: LexicalNode,
    selection: BaseSelection | null,
    destination: "clone" | "html",
  ): boolean {
    if (destination !== "clone" || !$isRangeSelection(selection)) return false;
    const text = this.getTextContent();
    return text.length > 0 && selection.getTextContent() === text;
  }

  getKind(): LessonKind {
    return this.getLatest().__kind;
  }

  setKind(kind: LessonKind): this {
    const self = this.getWritable();
    self.__kind = kind;
    return self;
  }

  /** The theme ids of this lesson, in the order they were picked. */
  getThemes(): string[] {
    return this.getLatest().__themes.split(",").filter(Boolean);
  }

  setThemes(themeIds: string[]): this {
    const self = this.getWritable();
    self.__themes = [...new Set(themeIds.filter((t) => /^[a-z0-9]+$/.test(t)))].join(",");
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement("div");
    const className = (config.theme as { lesson?: string }).lesson;
    if (className) dom.className = className;
    this.decorateDOM(dom);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (
      prevNode.__kind !== this.__kind ||
      prevNode.__themes !== this.__themes ||
      prevNode.__lessonId !== this.__lessonId
    ) {
      this.decorateDOM(dom);
    }
    return false;
  }

  private decorateDOM(dom: HTMLElement): void {
    dom.dataset.kind = this.__kind;
    dom.dataset.lessonId = this.__lessonId;
    dom.dataset.themes = this.__themes;
    dom.setAttribute("role", "note");
  }

  static override importJSON(json: SerializedLessonNode): LessonNode {
    return $createLessonNode(
      isKind(json.kind) ? json.kind : "do",
      json.themes ?? [],
      json.lessonId,
    ).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedLessonNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedLessonNode {
    return {
      ...super.exportJSON(),
      type: "lesson",
      version: 1,
      lessonId: this.getLessonId(),
      kind: this.getKind(),
      themes: this.getThemes(),
    };
  }

  // Enter ends the lesson: the next line is ordinary text again.
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  // Backspace at the start turns the lesson back into a paragraph, keeping its text.
  override collapseAtStart(): boolean {
    $convertLessonToParagraph(this);
    return true;
  }
}

/** Creates a lesson block; a fresh stable id is made unless one is given (import, tests). */
export function $createLessonNode(kind: LessonKind, themeIds: string[] = [], lessonId?: string): LessonNode {
  const node = new LessonNode(
    kind,
    "",
    lessonId && /^[A-Za-z0-9_-]{6,64}$/.test(lessonId) ? lessonId : newLessonId(),
  );
  node.setThemes(themeIds);
  return $applyNodeReplacement(node);
}

export function $isLessonNode(node: LexicalNode | null | undefined): node is LessonNode {
  return node instanceof LessonNode;
}

/** Replaces a lesson block by a paragraph holding the same text. */
export function $convertLessonToParagraph(lesson: LessonNode): ParagraphNode {
  const paragraph = $createParagraphNode();
  paragraph.append(...lesson.getChildren());
  lesson.replace(paragraph);
  paragraph.selectStart();
  return paragraph;
}

/** Turns a block (a paragraph, say) into a lesson of the given kind, keeping its text. */
export function $convertToLesson(block: ElementNode, kind: LessonKind, themeIds: string[] = []): LessonNode {
  const lesson = $createLessonNode(kind, themeIds);
  lesson.append(...block.getChildren());
  block.replace(lesson);
  lesson.selectEnd();
  return lesson;
}
