import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { MalformedFrameError } from "./protocol";

/** Who a socket is, as the server knows it from the session: what everyone else sees of it. */
export interface PresenceIdentity {
  userId: string;
  name: string;
  color: string;
}

/** What one socket may do with presence entries. */
export interface PresenceOwner {
  /** Awareness client ids this socket introduced. */
  readonly awarenessClientIds: Set<number>;
  readonly presence: PresenceIdentity;
}

/**
 * Admits one awareness update from a socket: entries for client ids another socket owns are
 * dropped, a socket introduces at most `maxClientIds` ids (a browser tab needs one), and every
 * state is stamped with the identity from the session — a client cannot appear as someone else.
 * Returns the re-encoded update, or null when nothing is left of it. Throws MalformedFrameError
 * for bytes that are not an awareness update.
 */
export function admitAwareness(
  update: Uint8Array,
  owner: PresenceOwner,
  ownedByOther: (clientId: number) => boolean,
  maxClientIds: number,
): Uint8Array | null {
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > update.length) throw new MalformedFrameError("awareness length out of range");
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (ownedByOther(clientId)) continue;
      if (!owner.awarenessClientIds.has(clientId)) {
        if (owner.awarenessClientIds.size >= maxClientIds) continue;
        owner.awarenessClientIds.add(clientId);
      }
      if (state === null) entries.push({ clientId, clock, state: "null" });
      else if (typeof state === "object" && !Array.isArray(state)) {
        const { name, color, userId } = owner.presence;
        entries.push({ clientId, clock, state: JSON.stringify({ ...state, name, color, userId }) });
      }
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrameError("trailing bytes in awareness update");
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError(`awareness could not be read: ${(error as Error).message}`);
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
