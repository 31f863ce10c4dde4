import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";

type ConnectionState = "connecting" | "connected" | "offline";

/** Tells the user whether they are connected, and that offline edits will sync when they are back. */
export function ConnectionStatePlugin({ provider }: { provider: WebsocketProvider | null }) {
  const { t } = useTranslation("editor");
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    if (!provider) return;
    const onStatus = ({ status }: { status: string }) => {
      setState(status === "connected" ? "connected" : status === "connecting" ? "connecting" : "offline");
    };
    // After a first failed attempt the provider keeps retrying: that is offline to the user.
    const onClose = () => setState("offline");
    setState(provider.wsconnected ? "connected" : "connecting");
    provider.on("status", onStatus);
    provider.on("connection-close", onClose);
    return () => {
      provider.off("status", onStatus);
      provider.off("connection-close", onClose);
    };
  }, [provider]);
  return (
    <p className={`connection-state connection-state--${state}`} role="status" data-state={state}>
      <span className="connection-state__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  );
}
