import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { createPortal } from "react-dom";

/**
 * Places in the top bar that features fill from inside their own pages:
 * - "search": the search field,
 * - "presence": who is here and the connection state (the document page).
 *
 * @example
 * <TopBarSlot name="presence"><PresenceList … /></TopBarSlot>
 */
export type TopBarSlotName = "search" | "presence";

type SlotElements = Partial<Record<TopBarSlotName, HTMLElement | null>>;
type Registrar = (name: TopBarSlotName) => (element: HTMLElement | null) => void;

const SlotsContext = createContext<{ elements: SlotElements; register: Registrar } | null>(null);

/** Holds the slot elements; the shell wraps its top bar and its pages in it. */
export function TopBarSlotsProvider({ children }: { children: ReactNode }) {
  const [elements, setElements] = useState<SlotElements>({});
  // Ref callbacks must keep their identity, or React detaches and re-attaches them on every render.
  const register = useMemo<Registrar>(() => {
    const callbacks = new Map<TopBarSlotName, (element: HTMLElement | null) => void>();
    return (name) => {
      let callback = callbacks.get(name);
      if (!callback) {
        callback = (element) =>
          setElements((current) => (current[name] === element ? current : { ...current, [name]: element }));
        callbacks.set(name, callback);
      }
      return callback;
    };
  }, []);
  const value = useMemo(() => ({ elements, register }), [elements, register]);
  return <SlotsContext.Provider value={value}>{children}</SlotsContext.Provider>;
}

/** The empty place in the top bar where a slot's content appears (used by the shell). */
export function TopBarSlotTarget({ name, className }: { name: TopBarSlotName; className?: string }) {
  const slots = useContext(SlotsContext);
  return <div ref={slots?.register(name)} className={className} data-slot={name} />;
}

/** Renders its children into the top bar's slot, for as long as the calling page is shown. */
export function TopBarSlot({ name, children }: { name: TopBarSlotName; children: ReactNode }) {
  const target = useContext(SlotsContext)?.elements[name];
  return target ? createPortal(children, target) : null;
}
