import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";

interface Present {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

/** Who is here: one entry per connected editor window, with the name and colour of their cursor. */
export function PresencePlugin({ provider }: { provider: WebsocketProvider | null }) {
  const { t } = useTranslation("editor");
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    if (!provider) return;
    const awareness = provider.awareness;
    const update = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const name = typeof state.name === "string" ? state.name : "";
        const color = typeof state.color === "string" ? state.color : "#37474f";
        if (name) list.push({ clientId, name, color, isSelf: clientId === awareness.clientID });
      });
      list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
      setPeople(list);
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider]);
  return (
    <ul className="presence" aria-label={t("presence.label")}>
      {people.map((person) => (
        <li key={person.clientId} className="presence__person" data-self={person.isSelf || undefined}>
          <span className="presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
          <span className="presence__name">
            {person.isSelf ? t("presence.you", { name: person.name }) : person.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
