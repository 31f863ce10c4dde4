import { AutoLinkNode, LinkNode } from "@lexical/link";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { mergeRegister } from "@lexical/utils";
import { useEffect } from "react";
import { isSafeLinkUrl } from "../../../../../shared/editor/url";

/**
 * Unwraps every link whose URL is not http, https or mailto — whether it came from paste, from
 * another client or from an old document — keeping its text.
 */
export function LinkSanitizerPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unwrapUnsafe = (node: LinkNode) => {
      if (isSafeLinkUrl(node.getURL())) return;
      for (const child of node.getChildren()) node.insertBefore(child);
      node.remove();
    };
    return mergeRegister(
      editor.registerNodeTransform(LinkNode, unwrapUnsafe),
      editor.registerNodeTransform(AutoLinkNode, unwrapUnsafe),
    );
  }, [editor]);
  return null;
}
