import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { CLOSE_CODES } from "../../../../../shared/close-codes";

export type ConnectionProblem = "unsaved" | "limited" | "tooLarge" | "refused";
export type ConnectionState = "connecting" | "connected" | "offline" | ConnectionProblem;

/** What a close code from the server means for the person typing (shared/close-codes.ts). */
const problemOf: Record<number, ConnectionProblem> = {
  [CLOSE_CODES.storeUnavailable]: "unsaved",
  [CLOSE_CODES.rateLimited]: "limited",
  [CLOSE_CODES.documentTooLarge]: "tooLarge",
  [CLOSE_CODES.malformed]: "refused",
};

export function isProblem(state: ConnectionState): state is ConnectionProblem {
  return state in problemStates;
}
const problemStates: Record<ConnectionProblem, true> = {
  unsaved: true,
  limited: true,
  tooLarge: true,
  refused: true,
};

/**
 * Whether the user's edits reach the server: connected, connecting, offline (edits sync later), or
 * why the server closed the socket. A problem holds until a connection has synced again: a socket
 * that opens and is refused at once is not "connected" to the person typing. Once a connection was
 * lost, trying again is still offline to the user until one has synced.
 */
export function useConnectionState(provider: WebsocketProvider | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    if (!provider) return;
    let problem: ConnectionProblem | undefined;
    let lost = false;
    const onStatus = ({ status }: { status: string }) => {
      if (problem) return;
      if (status === "connected") setState("connected");
      else setState(status === "connecting" && !lost ? "connecting" : "offline");
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      problem = undefined;
      lost = false;
      setState("connected");
    };
    // After a first failed attempt the provider keeps retrying: that is offline to the user.
    const onClose = (event: CloseEvent | null) => {
      lost = true;
      problem = (event && problemOf[event.code]) || problem;
      setState(problem ?? "offline");
    };
    setState(provider.wsconnected ? "connected" : "connecting");
    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    return () => {
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
    };
  }, [provider]);
  return state;
}
