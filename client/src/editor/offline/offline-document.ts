import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../../../shared/close-codes";
import { encodeSaveCheck, MESSAGE_SAVE_CHECK, readSaveCheckAnswer } from "../../../../shared/collab-messages";
import { forgetLocalCopies, LocalCopy } from "./local-copy";
import { UnsavedChanges } from "./unsaved-changes";

/** A save check goes this long after the last edit (one check covers a burst of typing). */
const CHECK_DELAY_MS = 150;
/** The local copy's base is rewritten at most this often while others' edits arrive. */
const BASE_EVERY_MS = 2_000;

/** Whatever the local copy applied: neither an own edit nor the server's. */
const FROM_LOCAL_COPY = Symbol("local copy");

export interface OfflineDocument {
  readonly changes: UnsavedChanges;
  /** Resolves once the local copy is applied: true when this browser keeps one. */
  readonly loaded: Promise<boolean>;
  /** Drops the changes the server refused (and the local copy that holds them). */
  discardRefused(): Promise<void>;
  destroy(): void;
}

/**
 * Makes one document's editor offline-first: every own change is written to the local copy
 * (IndexedDB) and counted as not on the server until a save check confirms it; the copy is applied
 * when the document opens, so text typed offline survives navigation, reloads and closed tabs, and
 * reaches the server through the provider's normal sync when it answers again.
 */
export function attachOfflineDocument(
  doc: Y.Doc,
  provider: WebsocketProvider,
  owner: { userId: string; documentId: string },
): OfflineDocument {
  const changes = new UnsavedChanges();
  const keys = new Map<number, Promise<number | undefined>>();
  let copy: LocalCopy | null = null;
  let destroyed = false;
  /** Set when the user discarded refused changes: this document writes nothing to the copy any more. */
  let discarded = false;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let baseTimer: ReturnType<typeof setTimeout> | undefined;
  let writes: Promise<unknown> = Promise.resolve();
  /** Local-copy writes run one after another, so a fold never overtakes the keep it folds. */
  const serially = <T>(write: () => Promise<T>): Promise<T> => {
    const next = writes.then(write, write);
    writes = next.catch(() => undefined);
    return next;
  };

  const opened = LocalCopy.open(owner.userId, owner.documentId);
  const loaded = opened.then(async (opened) => {
    if (destroyed) {
      opened?.close();
      return false;
    }
    copy = opened;
    if (!copy) return false;
    try {
      const stored = await copy.read();
      doc.transact(() => {
        if (stored.base) Y.applyUpdate(doc, stored.base, FROM_LOCAL_COPY);
        for (const { update } of stored.pending) Y.applyUpdate(doc, update, FROM_LOCAL_COPY);
      }, FROM_LOCAL_COPY);
      for (const { key } of stored.pending) keys.set(changes.restored(), Promise.resolve(key));
      scheduleCheck();
    } catch (error) {
      console.warn("local copy could not be read", error);
    }
    return true;
  });

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_LOCAL_COPY) return;
    if (origin === provider) {
      scheduleBase();
      return;
    }
    const id = changes.edited();
    const key = loaded.then((kept) =>
      kept && copy && !discarded ? serially(() => (copy as LocalCopy).keep(update)) : undefined,
    );
    keys.set(id, key);
    key.then(
      (k) => (k === undefined ? changes.notKept(id) : changes.keptLocally(id)),
      () => changes.notKept(id),
    );
    scheduleCheck();
  };
  doc.on("update", onUpdate);

  function scheduleCheck(): void {
    if (checkTimer !== undefined || destroyed) return;
    checkTimer = setTimeout(() => {
      checkTimer = undefined;
      sendCheck();
    }, CHECK_DELAY_MS);
  }

  function sendCheck(): void {
    const ws = provider.ws;
    // Only once synced: the sync exchange has then sent everything the server lacked.
    if (!changes.needsCheck || !provider.synced || !ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(encodeSaveCheck(changes.checkSent()));
  }

  provider.messageHandlers[MESSAGE_SAVE_CHECK] = (_encoder, decoder) => {
    const { seq, accepted } = readSaveCheckAnswer(decoder);
    const confirmed = changes.answered(seq, accepted);
    if (confirmed.length > 0) void fold(confirmed);
  };

  async function fold(confirmed: number[]): Promise<void> {
    const confirmedKeys: number[] = [];
    for (const id of confirmed) {
      const key = await keys.get(id)?.catch(() => undefined);
      keys.delete(id);
      if (key !== undefined) confirmedKeys.push(key);
    }
    if (!copy || destroyed || discarded) return;
    const state = Y.encodeStateAsUpdate(doc);
    await serially(() => (copy as LocalCopy).fold(state, confirmedKeys)).catch((error) =>
      console.warn("local copy could not be updated", error),
    );
  }

  function scheduleBase(): void {
    if (baseTimer !== undefined || destroyed) return;
    baseTimer = setTimeout(() => {
      baseTimer = undefined;
      void fold([]);
    }, BASE_EVERY_MS);
  }

  const onSync = (synced: boolean) => {
    if (synced) scheduleCheck();
  };
  const onClose = (event: CloseEvent | null) => {
    changes.connectionLost();
    // No access any more: what this browser kept of the document goes.
    if (event && (event.code === CLOSE_CODES.forbidden || event.code === CLOSE_CODES.notFound)) {
      changes.discard();
      void loaded.then(() =>
        serially(async () => {
          copy?.close();
          copy = null;
          await forgetLocalCopies(owner.userId, owner.documentId);
        }),
      );
    }
  };
  provider.on("sync", onSync);
  provider.on("connection-close", onClose);

  return {
    changes,
    loaded,
    async discardRefused() {
      discarded = true;
      changes.discard();
      await loaded;
      if (copy) await serially(() => (copy as LocalCopy).dropPending(undefined));
    },
    destroy() {
      if (destroyed) return;
      // The last base write is started before `destroyed` stops further ones.
      doc.off("update", onUpdate);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
      clearTimeout(checkTimer);
      if (baseTimer !== undefined) {
        clearTimeout(baseTimer);
        void fold([]);
      }
      destroyed = true;
      void writes.then(() => copy?.close());
    },
  };
}
