import type { Provider } from "@lexical/yjs";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** The collaboration endpoint on the app's own origin; the room (documentId) is appended by the provider. */
export function collaborationUrl(): string {
  return `${location.origin.replace(/^http/, "ws")}/collab`;
}

/**
 * The provider factory the CollaborationPlugin calls: one stock y-websocket provider per document,
 * room = documentId, so it connects to /collab/:documentId with the session cookie.
 * `onProvider` lets presence and connection-state UI subscribe to the provider it made.
 */
export function createProviderFactory(onProvider?: (provider: WebsocketProvider) => void) {
  return function providerFactory(id: string, yjsDocMap: Map<string, Y.Doc>): Provider {
    let doc = yjsDocMap.get(id);
    if (doc === undefined) {
      doc = new Y.Doc();
      yjsDocMap.set(id, doc);
    } else {
      doc.load();
    }
    // The plugin connects once its binding is ready.
    const provider = new WebsocketProvider(collaborationUrl(), id, doc, { connect: false });
    onProvider?.(provider);
    // y-websocket's Awareness type is wider than the structural Provider type Lexical declares.
    return provider as unknown as Provider;
  };
}
