import { createHeadlessEditor } from "@lexical/headless";
import { createBinding, type Provider, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from "@lexical/yjs";
import type { LexicalEditor } from "lexical";
import type * as Y from "yjs";
import { editorNodes } from "../../shared/editor";
import { type CollabClient, collabClient } from "./collab-clients";

export interface LexicalClient {
  editor: LexicalEditor;
  collab: CollabClient;
  /** Runs an update and waits until Lexical has committed it (and so sent it to Yjs). */
  edit(fn: () => void): Promise<void>;
  destroy(): void;
}

/**
 * A real Lexical editor (headless, the shared node list) bound through @lexical/yjs to a stock y-websocket
 * provider — what the browser's CollaborationPlugin does, without a DOM. Edits made here reach the server
 * as the same Yjs updates a browser would send. `options.doc` supplies the Y.Doc (e.g. one with a fixed clientID,
 * or with listeners attached before the first sync); `options.onError` replaces the default of throwing Lexical's
 * errors (Lexical then drops the failed update, as the browser editor does after logging it).
 */
export async function lexicalClient(
  baseUrl: string,
  documentId: string,
  cookie: string,
  options: { doc?: Y.Doc; onError?: (error: Error) => void; origin?: string } = {},
): Promise<LexicalClient> {
  // Bind before connecting: the binding learns the server's content only through change events.
  const collab = collabClient(baseUrl, documentId, {
    cookie,
    connect: false,
    doc: options.doc,
    origin: options.origin,
  });
  const editor = createHeadlessEditor({
    namespace: "themawerk-test",
    nodes: [...editorNodes],
    onError:
      options.onError ??
      ((e) => {
        throw e;
      }),
  });
  const provider = collab.provider as unknown as Provider;
  const binding = createBinding(
    editor,
    provider,
    documentId,
    collab.doc,
    new Map([[documentId, collab.doc]]),
  );
  const root = binding.root.getSharedType();
  const onYjs = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tx: Y.Transaction) => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false, () => {});
  };
  root.observeDeep(onYjs);
  const stop = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      syncLexicalUpdateToYjs(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  collab.provider.connect();
  await collab.synced();
  await new Promise((r) => setTimeout(r, 0));
  return {
    editor,
    collab,
    edit: (fn) =>
      new Promise<void>((resolve) => {
        editor.update(fn, { discrete: true, onUpdate: resolve });
      }),
    destroy() {
      stop();
      root.unobserveDeep(onYjs);
      collab.destroy();
    },
  };
}
