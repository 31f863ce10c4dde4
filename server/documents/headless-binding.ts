import { createHeadlessEditor } from "@lexical/headless";
import {
  type Binding,
  createYjsBinding,
  type Provider,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
} from "@lexical/yjs";
import type { LexicalEditor } from "lexical";
import * as Y from "yjs";
import { editorNodes } from "../../shared/editor";

/** The room id the client's CollaborationPlugin uses as binding id; the Y.Doc root is always "root". */
const BINDING_ID = "document";

/**
 * A provider-shaped stand-in: the binding wants one for cursors and awareness, which a
 * server-side editor has none of.
 */
function serverProvider(): Provider {
  const states = new Map();
  return {
    awareness: {
      getLocalState: () => null,
      getStates: () => states,
      on() {},
      off() {},
      setLocalState() {},
      setLocalStateField() {},
    },
    connect() {},
    disconnect() {},
    on() {},
    off() {},
  };
}

export interface HeadlessDocumentEditor {
  editor: LexicalEditor;
  doc: Y.Doc;
  binding: Binding;
  /** Stops syncing between the editor and the Y.Doc. */
  dispose(): void;
}

/**
 * A headless Lexical editor with the client's node list, bound both ways to a fresh Y.Doc the
 * same way the client's CollaborationPlugin binds it.
 */
export function bindHeadlessEditor(onError: (error: Error) => void = rethrow): HeadlessDocumentEditor {
  const editor = createHeadlessEditor({ namespace: "themawerk", nodes: [...editorNodes], onError });
  const doc = new Y.Doc();
  const binding = createYjsBinding({ editor, id: BINDING_ID, doc, docMap: new Map([[BINDING_ID, doc]]) });
  const provider = serverProvider();
  const sharedRoot = binding.root.getSharedType();
  const onYjsChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    // Our own writes (from syncLexicalUpdateToYjs) carry the binding as origin.
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, provider, events as Array<Y.YEvent<Y.Text>>, false, () => {});
    }
  };
  sharedRoot.observeDeep(onYjsChange);
  const stopListening = editor.registerUpdateListener(
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
  return {
    editor,
    doc,
    binding,
    dispose() {
      stopListening();
      sharedRoot.unobserveDeep(onYjsChange);
    },
  };
}

function rethrow(error: Error): never {
  throw error;
}

/** Flushes Lexical's batched updates so the editor state reflects everything applied so far. */
export function flushEditor(editor: LexicalEditor): void {
  editor.update(() => {}, { discrete: true });
}
