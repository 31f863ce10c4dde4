import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * What Themawerk adds to the y-websocket protocol, under a message type the stock protocol does not
 * use. The stock provider reads unknown types through its `messageHandlers` array, so the client adds a
 * handler for this one instead of forking the provider.
 *
 * Save check: the client sends `[MESSAGE_SAVE_CHECK, seq]` after its edits; the server handles a
 * socket's frames in order, each edit stored before the next frame is looked at, so its answer
 * `[MESSAGE_SAVE_CHECK, seq, accepted]` proves that every edit sent before the check is stored
 * (accepted 1), or that the socket may not write and none of them was taken (accepted 0).
 */
export const MESSAGE_SAVE_CHECK = 100;

/** The server sends every socket a frame at least this often, so a silent socket means a dead one. */
export const KEEP_ALIVE_INTERVAL_MS = 1_000;
/** A connection that has sent nothing (client) or answered no ping (server) for this long is dead. */
export const DEAD_CONNECTION_MS = 3_500;

export function encodeSaveCheck(seq: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVE_CHECK);
  encoding.writeVarUint(encoder, seq);
  return encoding.toUint8Array(encoder);
}

export function encodeSaveCheckAnswer(seq: number, accepted: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVE_CHECK);
  encoding.writeVarUint(encoder, seq);
  encoding.writeVarUint(encoder, accepted ? 1 : 0);
  return encoding.toUint8Array(encoder);
}

/** Reads an answer after its message type; throws on anything else (lib0 decoding errors). */
export function readSaveCheckAnswer(decoder: decoding.Decoder): { seq: number; accepted: boolean } {
  const seq = decoding.readVarUint(decoder);
  const accepted = decoding.readVarUint(decoder) === 1;
  return { seq, accepted };
}
