import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";
import { TopBarSlotTarget } from "./top-bar-slots";

/** The top bar: search and presence slots (filled by features), language, account. */
export function TopBar() {
  return (
    <header className="top-bar">
      <div className="top-bar__inner">
        <TopBarSlotTarget name="search" className="top-bar__search" />
        <TopBarSlotTarget name="presence" className="top-bar__presence" />
        <LanguageSwitch />
        <AccountMenu />
      </div>
    </header>
  );
}
