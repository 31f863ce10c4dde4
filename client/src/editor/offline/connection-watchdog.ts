import type { WebsocketProvider } from "y-websocket";
import { DEAD_CONNECTION_MS } from "../../../../shared/collab-messages";

/** A socket that has not opened after this long is given up and tried again (a hanging TCP connect). */
const CONNECT_TIMEOUT_MS = 8_000;
const CHECK_EVERY_MS = 500;

/**
 * Notices a dead connection within seconds. The server sends a frame every second
 * (KEEP_ALIVE_INTERVAL_MS); the stock provider notes when it last read one but only gives up after
 * 30 s, and a browser's close of a silent socket waits for a handshake that never comes. So this
 * restarts the connection through the provider's own disconnect/connect — which drops the others'
 * presence and says "disconnected" at once — when nothing arrived for DEAD_CONNECTION_MS, when a
 * connect hangs, or when the browser reports that the network is gone. Returns a stop function.
 */
export function watchConnection(provider: WebsocketProvider): () => void {
  let connectingSince: number | undefined;
  const restart = () => {
    connectingSince = undefined;
    if (!provider.shouldConnect) return;
    provider.disconnect();
    provider.connect();
  };
  const timer = setInterval(() => {
    const now = Date.now();
    if (!provider.shouldConnect) return;
    if (provider.wsconnected) {
      connectingSince = undefined;
      if (now - provider.wsLastMessageReceived > DEAD_CONNECTION_MS) restart();
    } else if (provider.wsconnecting) {
      connectingSince ??= now;
      if (now - connectingSince > CONNECT_TIMEOUT_MS) restart();
    } else connectingSince = undefined;
  }, CHECK_EVERY_MS);
  const onOffline = () => {
    if (provider.wsconnected || provider.wsconnecting) restart();
  };
  window.addEventListener("offline", onOffline);
  return () => {
    clearInterval(timer);
    window.removeEventListener("offline", onOffline);
  };
}
