export { editorNodes } from "./nodes";
export { editorTheme } from "./theme";
export { allowedLinkProtocols, isSafeLinkUrl, sanitizeLinkUrl } from "./url";
