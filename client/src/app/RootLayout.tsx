import { RouterProvider as AriaRouterProvider } from "react-aria-components";
import { Outlet, useHref, useNavigate } from "react-router";
import { useAccountLocale } from "../features/auth/session";

/** The top route: React Aria links navigate through the router, and the account's language is applied. */
export function RootLayout() {
  const navigate = useNavigate();
  useAccountLocale();
  return (
    <AriaRouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
}
