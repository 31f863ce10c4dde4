import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser, useLogout } from "../features/auth/session";

/** Initials for the avatar: first letters of the first and last name. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0][0], parts[parts.length - 1][0]] : [parts[0]?.[0] ?? "?"];
  return letters.join("").toUpperCase();
}

/** The account button in the top bar: my account, log out. */
export function AccountMenu() {
  const { t } = useTranslation("shell");
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <MenuTrigger>
      {/* Named by its visible text (label in name, WCAG 2.5.3): the name, then "account menu" for screen readers. */}
      <Button className="account-button">
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="account-button__name">{user.name}</span>
        <span className="visually-hidden">{t("topBar.accountMenuSuffix")}</span>
        <span className="account-button__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          onAction={(key) => {
            if (key === "account") navigate("/account");
            if (key === "logout") logout.mutate();
          }}
        >
          <MenuSection className="menu__section">
            <Header className="menu__header">
              <span className="menu__name">{user.name}</span>
              <span className="menu__email">{user.email}</span>
            </Header>
            <MenuItem id="account" className="menu__item">
              {t("topBar.account")}
            </MenuItem>
            <MenuItem id="logout" className="menu__item">
              {logout.isPending ? t("topBar.loggingOut") : t("topBar.logout")}
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
