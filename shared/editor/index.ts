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
