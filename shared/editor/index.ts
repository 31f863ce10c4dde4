export { editorNodes } from "./nodes";
export { editorTheme } from "./theme";
export { allowedLinkProtocols, isSafeLinkUrl, sanitizeLinkUrl } from "./url";
export {
  $convertLessonToParagraph,
  $convertToLesson,
  $createLessonNode,
  $isLessonNode,
  LessonNode,
  newLessonId,
  type SerializedLessonNode,
} from "./lesson-node";
export {
  $createUnknownElementNode,
  $isUnknownElementNode,
  type SerializedUnknownElementNode,
  UnknownElementNode,
} from "./unknown-element-node";
export {
  $createUnknownTextNode,
  $isUnknownTextNode,
  type SerializedUnknownTextNode,
  UnknownTextNode,
} from "./unknown-text-node";
export {
  $createUnknownDecoratorNode,
  $isUnknownDecoratorNode,
  type SerializedUnknownDecoratorNode,
  UnknownDecoratorNode,
} from "./unknown-decorator-node";
