import { useEffect } from "react";

/** True when the editor would use this Ctrl+K to make a link: text is selected inside an editable area. */
function isLinkShortcut(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target?.isContentEditable) return false;
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
}

/**
 * Ctrl+K (Cmd+K on a Mac) calls `onShortcut` from anywhere on the page. Listens in the capture phase so
 * it comes before the editor; only with text selected in the editor does Ctrl+K stay the editor's link key.
 */
export function useSearchShortcut(onShortcut: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== "k" || isLinkShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      onShortcut();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [onShortcut, enabled]);
}
