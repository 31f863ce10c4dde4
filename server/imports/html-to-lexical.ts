import { createHeadlessEditor } from "@lexical/headless";
import { $generateNodesFromDOM } from "@lexical/html";
import { $isHeadingNode } from "@lexical/rich-text";
import { Window } from "happy-dom";
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  type LexicalNode,
  type SerializedEditorState,
} from "lexical";
import { editorNodes, isSafeLinkUrl } from "../../shared/editor";
import type { FoundLesson, ImportWarning } from "../../shared/schemas/imports";
import { $markFoundLessons } from "./found-lessons";

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
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  try {
    const dom = new window.DOMParser().parseFromString(html, "text/html");
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
        for (const node of $generateNodesFromDOM(editor, dom as unknown as Document)) {
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
  } finally {
    void window.happyDOM.close();
  }
}
