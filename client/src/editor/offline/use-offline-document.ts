import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { watchConnection } from "./connection-watchdog";
import { attachOfflineDocument, type OfflineDocument } from "./offline-document";
import type { UnsavedState } from "./unsaved-changes";

const nothingUnsaved: UnsavedState = {
  notOnServer: 0,
  notKeptLocally: 0,
  localCopyFailing: false,
  rejected: false,
};

export interface OfflineEditing {
  offline: OfflineDocument | null;
  unsaved: UnsavedState;
  /** False once it is known that this browser keeps no local copy, or while writing to it fails. */
  keptLocally: boolean;
}

/**
 * The document's offline-first side for the editor: local copy, unsaved changes and the dead-connection
 * watchdog, for as long as the provider lives. Warns before the page closes only while own changes
 * are neither on the server nor in the local copy.
 */
export function useOfflineDocument(
  provider: WebsocketProvider | null,
  owner: { userId: string; documentId: string },
): OfflineEditing {
  const { userId, documentId } = owner;
  const [offline, setOffline] = useState<OfflineDocument | null>(null);
  const [unsaved, setUnsaved] = useState<UnsavedState>(nothingUnsaved);
  const [keptLocally, setKeptLocally] = useState(true);
  useEffect(() => {
    if (!provider) return;
    const attached = attachOfflineDocument(provider.doc, provider, { userId, documentId });
    const stopWatching = watchConnection(provider);
    const stopListening = attached.changes.subscribe(setUnsaved);
    let current = true;
    void attached.loaded.then((kept) => {
      if (current) setKeptLocally(kept);
    });
    setOffline(attached);
    setUnsaved(attached.changes.state);
    return () => {
      current = false;
      stopListening();
      stopWatching();
      attached.destroy();
    };
  }, [provider, userId, documentId]);

  const atRisk = unsaved.notKeptLocally > 0;
  useEffect(() => {
    if (!atRisk) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [atRisk]);

  return { offline, unsaved, keptLocally: keptLocally && !unsaved.localCopyFailing };
}
