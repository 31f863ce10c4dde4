import * as Y from "yjs";
import { MalformedFrameError } from "./protocol";

/**
 * Checks an untrusted update against a document *before* it is applied: Yjs keeps whatever it
 * cannot integrate yet ("pending structs", "pending delete set") inside the document, re-encodes it
 * on every later update and includes it in every state it encodes — so an update is only let in
 * when everything it refers to is present (in the document or in the update itself).
 */

/** An update refers to content the server does not have (yet); the client re-syncs on reconnect. */
export class MissingDependenciesError extends Error {
  override name = "MissingDependenciesError";
}

export interface UpdateCheck {
  /** The update holds new structs (content); false for an update that only deletes. */
  addsContent: boolean;
}

/**
 * Decodes `update` and verifies that each struct follows on what the document (or the update)
 * already has for its client, that every item's origin, right origin and parent exist, and that
 * every delete names existing clocks. Throws MalformedFrameError for bytes that are not an update
 * or refer forward within one client, MissingDependenciesError for gaps.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedFrameError(`not a Yjs update: ${(error as Error).message}`);
  }
  const state = Y.getState;
  // The clock up to which each client's content will be present once the update is integrated.
  const reach = new Map<number, number>();
  let addsContent = false;
  let previousClient: number | undefined;
  const seenClients = new Set<number>();
  for (const struct of decoded.structs) {
    const client = struct.id.client;
    if (client !== previousClient) {
      // Yjs keeps only the last block of a client that appears twice; such an update is not ours.
      if (seenClients.has(client)) throw new MalformedFrameError("a client appears twice in the update");
      seenClients.add(client);
      previousClient = client;
      reach.set(client, state(doc.store, client));
    }
    if (struct instanceof Y.Skip) continue;
    const available = reach.get(client) ?? 0;
    if (struct.id.clock > available) {
      throw new MissingDependenciesError(`content of client ${client} from clock ${available} is missing`);
    }
    const end = struct.id.clock + struct.length;
    if (end > available) {
      reach.set(client, end);
      addsContent = true;
    }
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentDoc) {
      throw new MalformedFrameError("subdocuments are not supported");
    }
  }
  const reachOf = (client: number) => reach.get(client) ?? state(doc.store, client);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const dependency of [struct.origin, struct.rightOrigin, parent]) {
      if (!dependency) continue;
      if (dependency.client === struct.id.client) {
        // A client's own earlier content always has a lower clock.
        if (dependency.clock >= struct.id.clock)
          throw new MalformedFrameError("an item refers to a later clock of its own client");
      } else if (dependency.clock >= reachOf(dependency.client)) {
        throw new MissingDependenciesError(
          `item refers to ${dependency.client}:${dependency.clock}, which is missing`,
        );
      }
    }
  }
  for (const [client, deletes] of decoded.ds.clients) {
    const reachable = reachOf(client);
    for (const range of deletes) {
      if (range.clock + range.len > reachable) {
        throw new MissingDependenciesError(
          `a delete names ${client}:${range.clock + range.len - 1}, which is missing`,
        );
      }
    }
  }
  return { addsContent };
}

/**
 * Drops anything Yjs kept aside as pending after an apply (the last line of defence behind
 * checkUpdate, and the repair for documents stored before it existed). Returns whether it had to.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store;
  if (store.pendingStructs === null && store.pendingDs === null) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}

/** Bytes Yjs keeps pending in a document (0 for a clean one). */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}
