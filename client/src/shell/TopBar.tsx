import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { SearchBox } from "../features/search/SearchBox";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";
import { SIDEBAR_ID } from "./Sidebar";
import { TopBarSlotTarget } from "./top-bar-slots";

/**
 * The top bar: the menu button (narrow screens only), the workspace search field, the presence slot (filled by the
 * document page), language, account.
 */
export function TopBar(props: {
  menuButtonRef: RefObject<HTMLButtonElement | null>;
  menuOpen: boolean;
  onMenuToggle: () => void;
}) {
  const { t } = useTranslation("shell");
  return (
    <header className="top-bar">
      <div className="top-bar__inner">
        <button
          ref={props.menuButtonRef}
          type="button"
          className="top-bar__menu"
          aria-controls={SIDEBAR_ID}
          aria-expanded={props.menuOpen}
          onClick={props.onMenuToggle}
        >
          <span className="top-bar__menu-icon" aria-hidden="true">
            ☰
          </span>
          {t("sidebar.open")}
        </button>
        <div className="top-bar__search">
          <SearchBox />
        </div>
        <TopBarSlotTarget name="presence" className="top-bar__presence" />
        <LanguageSwitch />
        <AccountMenu />
      </div>
    </header>
  );
}
