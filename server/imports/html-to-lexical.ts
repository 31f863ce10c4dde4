import { createHeadlessEditor } from "@lexical/headless";
import { $generateNodesFromDOM } from "@lexical/html";
import { $isHeadingNode } from "@lexical/rich-text";
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  type LexicalNode,
  type SerializedEditorState,
} from "lexical";
import { parseHTML } from "linkedom";
import { editorNodes, isSafeLinkUrl } from "../../shared/editor";
import type { FoundLesson, ImportWarning } from "../../shared/schemas/imports";
import { $markFoundLessons } from "./found-lessons";
import { ImportRefusedError } from "./import-refusal";

/**
 * The most elements and the deepest nesting a file may bring: far beyond any real document (a
 * 300-page report has some 20,000 elements), low enough that one file cannot take the worker's heap.
 */
export const DOM_LIMITS = { maxElements: 60_000, maxDepth: 64 } as const;

/** What an imported file becomes: the editor's state, and what was found, left out or changed. */
export interface ConvertedDocument {
  lexicalJson: SerializedEditorState;
  /** The first heading's text: the document's title unless the user gave one. */
  heading: string | undefined;
  lessonsFound: FoundLesson[];
  warnings: ImportWarning[];
  /** Whether any text came through. */
  hasText: boolean;
}

/** Elements whose content never becomes text in a document. */
const DROPPED =
  "script, style, template, iframe, object, embed, noscript, svg, math, video, audio, canvas, form, button, select, textarea, head";

/**
 * Turns HTML (from mammoth or marked) into a Lexical state with the client's node list: Lexical's
 * own DOM import, on a happy-dom document, in a headless editor. Before the import the DOM is
 * reduced to what a document may hold: images are counted and dropped, links other than http,
 * https and mailto lose their address (their text stays), active content goes. After it, the lesson
 * words are found (found-lessons.ts).
 */
export function htmlToLexical(html: string, extra: { ignored?: number } = {}): ConvertedDocument {
  // linkedom: a DOM without a browser's weight (happy-dom took 4× the memory for the same file); no scripts run.
  const dom = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
  refuseTooComplex(dom.body);
  {
    const warnings: ImportWarning[] = [];
    const warn = (code: ImportWarning["code"], count: number) => {
      if (count > 0) warnings.push({ code, count });
    };
    for (const element of [...dom.querySelectorAll(DROPPED)]) element.remove();
    const images = [...dom.querySelectorAll("img")];
    for (const image of images) {
      const parent = image.parentElement;
      image.remove();
      // A paragraph that only held the image goes with it.
      if (parent?.tagName === "P" && parent.children.length === 0 && parent.textContent?.trim() === "")
        parent.remove();
    }
    for (const picture of [...dom.querySelectorAll("picture")]) picture.remove();
    warn("images_left_out", images.length);
    let unsafe = 0;
    for (const link of [...dom.querySelectorAll("a")]) {
      const href = link.getAttribute("href")?.trim() ?? "";
      if (href !== "" && isSafeLinkUrl(href)) continue;
      if (href !== "" && !href.startsWith("#")) unsafe++;
      link.replaceWith(...link.childNodes);
    }
    warn("unsafe_links_removed", unsafe);
    warn("content_left_out", extra.ignored ?? 0);
    // GitHub task lists (marked writes <li><input type=checkbox> …): Lexical reads aria-checked.
    for (const box of [...dom.querySelectorAll("li > input[type=checkbox]")]) {
      box.parentElement?.setAttribute("aria-checked", box.hasAttribute("checked") ? "true" : "false");
      box.remove();
    }
    for (const input of [...dom.querySelectorAll("input")]) input.remove();

    const editor = createHeadlessEditor({
      namespace: "themawerk-import",
      nodes: [...editorNodes],
      onError: (error) => {
        throw error;
      },
    });
    let lessonsFound: FoundLesson[] = [];
    let heading: string | undefined;
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        let loose: LexicalNode[] = [];
        const flush = () => {
          if (loose.length === 0) return;
          const paragraph = $createParagraphNode();
          paragraph.append(...loose);
          root.append(paragraph);
          loose = [];
        };
        for (const node of $generateNodesFromDOM(editor, dom as unknown as globalThis.Document)) {
          if (($isElementNode(node) && !node.isInline()) || $isDecoratorNode(node)) {
            flush();
            root.append(node);
          } else loose.push(node);
        }
        flush();
        lessonsFound = $markFoundLessons();
        heading = root.getChildren().find($isHeadingNode)?.getTextContent().trim() || undefined;
        if (root.getChildrenSize() === 0) root.append($createParagraphNode());
      },
      { discrete: true },
    );
    const state = editor.getEditorState();
    const hasText = state.read(() => $getRoot().getTextContent().trim() !== "");
    return { lexicalJson: state.toJSON(), heading, lessonsFound, warnings, hasText };
  }
}

/** Refuses a DOM with more elements or deeper nesting than DOM_LIMITS, without recursing. */
function refuseTooComplex(body: Element): void {
  let elements = 0;
  const stack: Array<[Element, number]> = [[body, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (++elements > DOM_LIMITS.maxElements || depth > DOM_LIMITS.maxDepth)
      throw new ImportRefusedError("too_complex", "the file is nested too deeply or has too many parts");
    for (const child of element.children) stack.push([child, depth + 1]);
  }
}
