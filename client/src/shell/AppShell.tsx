import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { ImportProvider } from "../features/imports/ImportProvider";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";
import { TopBarSlotsProvider } from "./top-bar-slots";

/**
 * The frame of every logged-in screen: sidebar, top bar and the page. On a narrow screen the sidebar is a drawer
 * opened from the top bar's menu button; a choice in it, Escape or a tap beside it closes it again. Inside a
 * workspace, files dropped anywhere on it are imported (ImportProvider).
 */
export function AppShell() {
  const { t } = useTranslation("shell");
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  const closeMenu = useCallback((returnFocus: boolean) => {
    setMenuOpen(false);
    if (returnFocus) menuButton.current?.focus();
  }, []);

  // Going somewhere (a link in the drawer, or anywhere else) closes the drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location change is the trigger.
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeMenu(true);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [menuOpen, closeMenu]);

  return (
    <TopBarSlotsProvider>
      <ImportProvider>
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <div className="shell" data-menu-open={menuOpen || undefined}>
          <Sidebar open={menuOpen} />
          {menuOpen && (
            // A pointer-only way out beside the drawer; keyboard users have Escape and the menu button.
            <div className="shell__backdrop" aria-hidden="true" onClick={() => closeMenu(false)} />
          )}
          <div className="shell__body">
            <TopBar
              menuButtonRef={menuButton}
              menuOpen={menuOpen}
              onMenuToggle={() => (menuOpen ? closeMenu(true) : setMenuOpen(true))}
            />
            <main id="main" className="shell__main" tabIndex={-1}>
              <Outlet />
            </main>
          </div>
        </div>
      </ImportProvider>
    </TopBarSlotsProvider>
  );
}
