import { $getRoot, type SerializedEditorState } from "lexical";
import * as Y from "yjs";
import { DocumentStore } from "../../server/collab/persistence";
import { openDatabase } from "../../server/db/database";
import { bindHeadlessEditor, flushEditor } from "../../server/documents/headless-binding";
import type { LexicalClient } from "./lexical-client";
import type { TestStorage } from "./test-database";

// The checks of the convergence test (tests/integration/collab-convergence.test.ts): what the store, the editors
// and a server-side editor hold, compared with a readable account of any difference.

/** Waiting for a round's edits to arrive everywhere; generous, since a server restart precedes some. */
const SETTLE_TIMEOUT_MS = 20_000;

/** Right after a crash: the store holds everything the server had sent to any client. */
export async function assertStoredBeforeRelayed(
  storage: TestStorage,
  documentId: string,
  observerDoc: Y.Doc,
  peers: ReadonlyArray<{ name: string; doc: Y.Doc }>,
): Promise<void> {
  const stored = await readStoredDocument(storage, documentId);
  if (!Y.snapshotContainsUpdate(Y.snapshot(stored), Y.encodeStateAsUpdate(observerDoc)))
    throw new Error(
      `the observer received changes the store lacks after SIGKILL: ${docDiff(observerDoc, stored)}`,
    );
  const storedClocks = Y.decodeStateVector(Y.encodeStateVector(stored));
  for (const p of peers) {
    // What a client holds from another client can only have come through the server.
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(p.doc))) {
      if (client !== p.doc.clientID && clock > (storedClocks.get(client) ?? 0))
        throw new Error(
          `${p.name} holds ${client}'s clocks up to ${clock}, the store only ${storedClocks.get(client) ?? 0}`,
        );
    }
  }
}

export async function readStoredDocument(storage: TestStorage, documentId: string): Promise<Y.Doc> {
  const database = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir });
  try {
    return (await new DocumentStore(database.db).load(documentId)).doc;
  } finally {
    await database.close();
  }
}

export function assertNoReadOnlyChange(where: string, doc: Y.Doc, readOnlyIds: Set<number>): void {
  for (const client of Y.decodeStateVector(Y.encodeStateVector(doc)).keys()) {
    if (readOnlyIds.has(client)) throw new Error(`${where}: holds changes of read-only client ${client}`);
  }
}

export function assertNoMarker(where: string, client: LexicalClient, marker: string): void {
  const text = client.editor.read(() => $getRoot().getTextContent());
  if (text.includes(marker))
    throw new Error(`${where}: holds text typed on a read-only socket: ${JSON.stringify(text)}`);
}

export function editorJson(client: LexicalClient): SerializedEditorState {
  return client.editor.read(() => client.editor.getEditorState().toJSON());
}

/** The Lexical state a server-side editor builds from the document. */
export function headlessJson(doc: Y.Doc): SerializedEditorState {
  const headless = bindHeadlessEditor();
  try {
    Y.applyUpdate(headless.doc, Y.encodeStateAsUpdate(doc));
    flushEditor(headless.editor);
    return headless.editor.getEditorState().toJSON();
  } finally {
    headless.dispose();
  }
}

export function assertSameJson(
  what: string,
  actual: SerializedEditorState,
  expected: SerializedEditorState,
): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) return;
  let at = 0;
  while (at < a.length && a[at] === e[at]) at++;
  throw new Error(
    `${what} differs from the first writer's at character ${at}:\n  got      …${a.slice(Math.max(0, at - 80), at + 120)}\n  expected …${e.slice(Math.max(0, at - 80), at + 120)}`,
  );
}

/** A short account of how two Y.Docs differ: state vectors and delete sets. */
export function docDiff(actual: Y.Doc, expected: Y.Doc): string {
  const sv = (d: Y.Doc) => JSON.stringify(Array.from(Y.decodeStateVector(Y.encodeStateVector(d))).sort());
  const ds = (d: Y.Doc) => {
    const set = Y.createDeleteSetFromStructStore(d.store);
    return JSON.stringify(
      Array.from(set.clients, ([c, items]) => [c, items.map((i) => [i.clock, i.len])]).sort(),
    );
  };
  return `state vectors ${sv(actual)} vs ${sv(expected)}; delete sets ${ds(actual)} vs ${ds(expected)}`;
}

/** Polls `check` (true, or a reason it is not yet true) until it holds; fails with the last reason. */
export async function waitFor(
  what: string,
  check: () => true | string,
  timeoutMs = SETTLE_TIMEOUT_MS,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let reason = check();
  while (reason !== true) {
    if (Date.now() > until) throw new Error(`timed out waiting ${what}: ${reason}`);
    await new Promise((r) => setTimeout(r, 5));
    reason = check();
  }
}
