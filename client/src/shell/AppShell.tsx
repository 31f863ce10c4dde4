import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";
import { TopBarSlotsProvider } from "./top-bar-slots";

/** The frame of every logged-in screen: sidebar, top bar and the page. */
export function AppShell() {
  const { t } = useTranslation("shell");
  return (
    <TopBarSlotsProvider>
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <div className="shell">
        <Sidebar />
        <div className="shell__body">
          <TopBar />
          <main id="main" className="shell__main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </TopBarSlotsProvider>
  );
}
