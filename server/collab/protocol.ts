import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type * as awarenessProtocol from "y-protocols/awareness";
import { encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { MESSAGE_SAVE_CHECK } from "../../shared/collab-messages";

/**
 * The y-websocket wire protocol, decoded strictly: every frame is parsed into one of a few known
 * shapes before anything touches the document, so a bad frame fails here and only here.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type ClientFrame =
  | { kind: "syncStep1"; stateVector: Uint8Array }
  | { kind: "syncStep2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "queryAwareness" }
  /** Themawerk's own: answer once everything this socket sent before is stored (shared/collab-messages.ts). */
  | { kind: "saveCheck"; seq: number };

/** A frame that does not follow the protocol; the connection that sent it gets closed. */
export class MalformedFrameError extends Error {
  override name = "MalformedFrameError";
}

/** Parses one binary frame from a client; throws MalformedFrameError for anything else. */
export function parseClientFrame(bytes: Uint8Array): ClientFrame {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    let frame: ClientFrame;
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP_1) {
        validateStateVector(payload);
        frame = { kind: "syncStep1", stateVector: payload };
      } else if (step === SYNC_STEP_2) frame = { kind: "syncStep2", update: payload };
      else if (step === SYNC_UPDATE) frame = { kind: "update", update: payload };
      else throw new MalformedFrameError(`unknown sync step ${step}`);
    } else if (type === MESSAGE_AWARENESS) {
      frame = { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      frame = { kind: "queryAwareness" };
    } else if (type === MESSAGE_SAVE_CHECK) {
      frame = { kind: "saveCheck", seq: decoding.readVarUint(decoder) };
    } else {
      throw new MalformedFrameError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrameError("trailing bytes after the message");
    return frame;
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : String(error));
  }
}

/** A state vector is pairs of varuints; checked here so encodeStateAsUpdate never sees garbage. */
function validateStateVector(bytes: Uint8Array): void {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > bytes.length) throw new MalformedFrameError("state vector length out of range");
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrameError("trailing bytes in state vector");
}

/** Client ids named in an awareness update (clientID, clock, JSON state, repeated). */
export function awarenessClientIds(update: Uint8Array): number[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > update.length) throw new MalformedFrameError("awareness length out of range");
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      JSON.parse(decoding.readVarString(decoder));
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrameError("trailing bytes in awareness update");
    return ids;
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(error instanceof Error ? error.message : String(error));
  }
}

/** The server's sync step 1: its state vector, asking the client for what it lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/** The answer to a client's sync step 1: everything the client lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

/** An incremental document update for every connection. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message for the given clients (all known ones when omitted). */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients?: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(
    encoder,
    encodeAwarenessUpdate(awareness, clients ?? Array.from(awareness.getStates().keys())),
  );
  return encoding.toUint8Array(encoder);
}

/**
 * The keep-alive: an awareness update that names nobody. The stock provider reads it without any
 * effect but noting that the server is there, which is all its dead-connection check looks at.
 */
export function encodeKeepAlive(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
}
