import type { EditorConfig } from "lexical";

/** Which placeholder a DOM element belongs to: an element, a text run or a decorator. */
export type PlaceholderKind = "element" | "text" | "decorator";

/**
 * Marks the DOM of a placeholder node: the theme's `unknownNode` class and the original type as data
 * attributes. The client's UnknownNodePlugin adds the label in the current language next to them.
 */
export function decoratePlaceholderDOM(
  dom: HTMLElement,
  config: EditorConfig,
  kind: PlaceholderKind,
  originalType: string,
): void {
  const className = (config.theme as { unknownNode?: string }).unknownNode;
  if (className) dom.classList.add(className);
  dom.dataset.unknownNode = kind;
  dom.dataset.originalType = originalType;
}
