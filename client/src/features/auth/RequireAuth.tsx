import { Navigate, Outlet, useLocation } from "react-router";
import { PageError, PageLoading } from "../../ui/PageState";
import { useMe } from "./session";

/** Shows its child routes to a logged-in user; sends anyone else to the login page and back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) return <PageError error={me.error} onRetry={() => me.refetch()} fullScreen />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/aanmelden${search}`} replace />;
  }
  return <Outlet />;
}
