import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from "@lexical/extension";
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  CHECK_LIST,
  type ElementTransformer,
  HEADING,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  type Transformer,
  UNORDERED_LIST,
} from "@lexical/markdown";
import type { ElementNode, LexicalNode } from "lexical";
import { $isLessonNode } from "../../../../../shared/editor";

/** `---` (or `***`, `___`) on a line of its own: a divider. */
const DIVIDER: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node: LexicalNode) => ($isHorizontalRuleNode(node) ? "---" : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const divider = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() != null) parentNode.replace(divider);
    else parentNode.insertBefore(divider);
    divider.selectNext();
  },
  // "---" then Enter, as well as "--- ".
  triggerOnEnter: true,
  type: "element",
};

/**
 * A block shortcut never applies inside a lesson: "- " typed at the start of a lesson's text is text, not a
 * list — turning the block into a list would drop the lesson (its id, status and stances) without asking.
 */
function outsideLessons(transformer: ElementTransformer): ElementTransformer {
  return {
    ...transformer,
    replace: (parentNode: ElementNode, ...rest) =>
      $isLessonNode(parentNode) ? false : transformer.replace(parentNode, ...rest),
  };
}

/**
 * The Markdown a wiki user types: `#`…`######`, `-`/`*`, `1.`, `[ ]`/`[x]`, `>` and `---` at the start of a line;
 * `**bold**`, `*italic*`, `~~struck~~` inline. No code blocks (the editor has no code node) and no links (a link is
 * made with Ctrl+K, where its address is checked).
 */
export const markdownShortcuts: Transformer[] = [
  ...[HEADING, QUOTE, CHECK_LIST, UNORDERED_LIST, ORDERED_LIST, DIVIDER].map(outsideLessons),
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
];
