import { LexicalCollaboration } from "@lexical/react/LexicalCollaborationContext";
import { CollaborationPlugin } from "@lexical/react/LexicalCollaborationPlugin";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import { editorNodes } from "../../../shared/editor/nodes";
import { editorTheme } from "../../../shared/editor/theme";
import { isSafeLinkUrl } from "../../../shared/editor/url";
import { CLOSE_CODES } from "../../../shared/close-codes";
import { TopBarSlot } from "../shell/top-bar-slots";
import { createProviderFactory } from "./collaboration";
import { CommentPlugin } from "./plugins/CommentPlugin";
import { EditingBasicsPlugin } from "./plugins/EditingBasicsPlugin";
import {
  ConnectionProblemBanner,
  ConnectionStatePlugin,
  useConnectionState,
} from "./plugins/ConnectionStatePlugin";
import { LessonControlsPlugin } from "./plugins/LessonControlsPlugin";
import { LessonDecorationsPlugin } from "./plugins/LessonDecorationsPlugin";
import { LessonIdentityPlugin } from "./plugins/LessonIdentityPlugin";
import { LessonSlashPlugin } from "./plugins/LessonSlashPlugin";
import { LinkSanitizerPlugin } from "./plugins/LinkSanitizerPlugin";
import { PresencePlugin } from "./plugins/PresencePlugin";
import { ReadOnlyPlugin } from "./plugins/ReadOnlyPlugin";
import { ToolbarPlugin } from "./plugins/ToolbarPlugin";
import { UnknownNodePlugin } from "./plugins/UnknownNodePlugin";
import { RefusedChanges } from "./offline/RefusedChanges";
import { useOfflineDocument } from "./offline/use-offline-document";
import { userColor } from "./user-color";
import "./editor.css";

export interface DocumentEditorProps {
  documentId: string;
  /** Commenters and viewers: no toolbar, no typing (the server also drops their writes). */
  readOnly: boolean;
  user: { id: string; name: string };
  /** Called when the server closed the socket because the user's access changed (role changed, removed). */
  onAccessChanged?: () => void;
}

const accessCloseCodes: readonly number[] = [
  CLOSE_CODES.roleChanged,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.notFound,
];

/**
 * Tells the page when access may have changed, so it reloads the role (and the read-only state):
 * when the server closes the socket over access, and on every reconnect — a role can change
 * while the socket is down, and the server then authorises the new socket with the new role.
 */
function useAccessChanges(
  provider: WebsocketProvider | null,
  onAccessChanged: (() => void) | undefined,
): void {
  useEffect(() => {
    if (!provider || !onAccessChanged) return;
    let connectedBefore = provider.wsconnected;
    const onClose = (event: CloseEvent | null) => {
      if (event && accessCloseCodes.includes(event.code)) onAccessChanged();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status !== "connected") return;
      if (connectedBefore) onAccessChanged();
      connectedBefore = true;
    };
    provider.on("connection-close", onClose);
    provider.on("status", onStatus);
    return () => {
      provider.off("connection-close", onClose);
      provider.off("status", onStatus);
    };
  }, [provider, onAccessChanged]);
}

function onEditorError(error: Error): void {
  console.error(error);
}

/**
 * The live editor of one document: Lexical bound through Yjs to /collab/:documentId, with
 * presence and the connection state in the top bar, offline-first (client/src/editor/offline).
 * Remount (key) it to open another document.
 */
export function DocumentEditor(props: DocumentEditorProps) {
  // A new session after the user discarded changes the server refused: a fresh document from the server.
  const [session, setSession] = useState(0);
  return <EditorSession key={session} {...props} onDiscarded={() => setSession((n) => n + 1)} />;
}

function EditorSession({
  documentId,
  readOnly,
  user,
  onAccessChanged,
  onDiscarded,
}: DocumentEditorProps & { onDiscarded: () => void }) {
  const { t } = useTranslation("editor");
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const providerFactory = useMemo(() => createProviderFactory(setProvider), []);
  const cursorsRef = useRef<HTMLDivElement>(null);
  useAccessChanges(provider, onAccessChanged);
  const connection = useConnectionState(provider);
  const { offline, unsaved, keptLocally } = useOfflineDocument(provider, { userId: user.id, documentId });
  const discardRefused = () => {
    void offline?.discardRefused().finally(onDiscarded);
  };
  const initialConfig = {
    namespace: "themawerk",
    nodes: [...editorNodes],
    theme: editorTheme,
    editable: !readOnly,
    // The text comes from the collaboration document, never from a local initial state.
    editorState: null,
    onError: onEditorError,
  };

  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor" data-readonly={readOnly || undefined}>
          {readOnly ? <p className="editor__readonly-badge">{t("readOnly")}</p> : <ToolbarPlugin />}
          {unsaved.rejected && <RefusedChanges onDiscard={discardRefused} />}
          <ConnectionProblemBanner state={connection} keptLocally={keptLocally} />
          <div className="editor__surface">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="editor__content"
                  aria-label={t("label")}
                  aria-placeholder={t("placeholder")}
                  aria-readonly={readOnly}
                  placeholder={<div className="editor__placeholder">{t("placeholder")}</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
            <div ref={cursorsRef} className="editor__cursors" />
            <CommentPlugin documentId={documentId} />
            {!readOnly && <LessonControlsPlugin />}
          </div>
          <CollaborationPlugin
            id={documentId}
            providerFactory={providerFactory}
            // New documents are seeded on the server; a client never bootstraps.
            shouldBootstrap={false}
            username={user.name}
            cursorColor={userColor(user.id)}
            cursorsContainerRef={cursorsRef}
          />
          <ListPlugin />
          <EditingBasicsPlugin readOnly={readOnly} />
          <LinkPlugin validateUrl={isSafeLinkUrl} />
          <LinkSanitizerPlugin />
          <ReadOnlyPlugin readOnly={readOnly} />
          <LessonDecorationsPlugin />
          <LessonIdentityPlugin />
          <UnknownNodePlugin />
          {!readOnly && <LessonSlashPlugin />}
        </div>
        <TopBarSlot name="presence">
          <div className="editor-presence">
            <PresencePlugin provider={provider} />
            <ConnectionStatePlugin state={connection} unsaved={unsaved} />
          </div>
        </TopBarSlot>
      </LexicalComposer>
    </LexicalCollaboration>
  );
}
