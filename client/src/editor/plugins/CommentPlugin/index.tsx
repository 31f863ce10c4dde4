import { useCollaborationContext } from "@lexical/react/LexicalCollaborationContext";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { useCommentBridge } from "./comment-bridge";
import { PassageHighlights } from "./PassageHighlights";
import { SelectionCommentBar } from "./SelectionCommentBar";
import "./comment-plugin.css";

/** The document's Y.Doc, once the provider factory has put it in the collaboration context's map. */
function useCollaborationDoc(documentId: string): Y.Doc | undefined {
  const [editor] = useLexicalComposerContext();
  const { yjsDocMap } = useCollaborationContext();
  const [doc, setDoc] = useState(() => yjsDocMap.get(documentId));
  useEffect(() => {
    const check = () => setDoc(yjsDocMap.get(documentId));
    check();
    // The map is not observable; the first synced text arrives as an editor update.
    return editor.registerUpdateListener(check);
  }, [editor, yjsDocMap, documentId]);
  return doc;
}

/**
 * Comments in the editor: highlights of the open passages, and "Reageer" on a selection or a
 * lesson block. Place it inside the editor's positioned surface; it does nothing on a page that
 * provides no comments bridge.
 */
export function CommentPlugin({ documentId }: { documentId: string }) {
  const bridge = useCommentBridge();
  const doc = useCollaborationDoc(documentId);
  if (!bridge) return null;
  return (
    <>
      <PassageHighlights bridge={bridge} doc={doc} />
      <SelectionCommentBar bridge={bridge} doc={doc} />
    </>
  );
}
