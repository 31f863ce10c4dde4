import { SearchBox } from "../features/search/SearchBox";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";
import { TopBarSlotTarget } from "./top-bar-slots";

/** The top bar: the workspace search field, the presence slot (filled by the document page), language, account. */
export function TopBar() {
  return (
    <header className="top-bar">
      <div className="top-bar__inner">
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
