import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { RequireAuth } from "../features/auth/RequireAuth";
import { AcceptInvitePage } from "../features/invitations/AcceptInvitePage";
import { PageLoading } from "../ui/PageState";
import { NotFoundPage, RouteErrorPage } from "./ErrorPages";
import { RootLayout } from "./RootLayout";

/**
 * A route component loaded with its own chunk when first needed, so the login page never downloads
 * the shell, the editor (Lexical, Yjs) or the other screens. The router waits for the chunk before
 * it navigates.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

/**
 * The app's pages (Dutch paths). Everything except login, the forgotten-password screens and
 * accepting an invitation needs a session and sits in the shell.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteErrorPage />,
      // Shown while the first page's chunk loads on a deep link.
      hydrateFallbackElement: <PageLoading fullScreen />,
      children: [
        { path: "/aanmelden", element: <LoginPage /> },
        {
          path: "/wachtwoord-vergeten",
          lazy: lazyPage(
            () => import("../features/auth/ForgotPasswordPage"),
            (m) => m.ForgotPasswordPage,
          ),
        },
        {
          // The link in a reset mail; its token is in the fragment (#token=…).
          path: "/wachtwoord-herstellen",
          lazy: lazyPage(
            () => import("../features/auth/ResetPasswordPage"),
            (m) => m.ResetPasswordPage,
          ),
        },
        { path: "/uitnodiging/:token", element: <AcceptInvitePage /> },
        {
          element: <RequireAuth />,
          children: [
            {
              // The shell (sidebar, top bar, their dialogs) is only for logged-in pages.
              lazy: lazyPage(
                () => import("../shell/AppShell"),
                (m) => m.AppShell,
              ),
              children: [
                {
                  errorElement: <RouteErrorPage />,
                  children: [
                    {
                      index: true,
                      lazy: lazyPage(
                        () => import("../features/workspaces/MyWorkspacesPage"),
                        (m) => m.MyWorkspacesPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId",
                      lazy: lazyPage(
                        () => import("../features/workspaces/WorkspaceHomePage"),
                        (m) => m.WorkspaceHomePage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/d/:documentId",
                      lazy: lazyPage(
                        () => import("../features/documents/DocumentPage"),
                        (m) => m.DocumentPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/d/:documentId/geschiedenis",
                      lazy: lazyPage(
                        () => import("../features/history/HistoryPage"),
                        (m) => m.HistoryPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/veranderd",
                      lazy: lazyPage(
                        () => import("../features/history/ChangesPage"),
                        (m) => m.ChangesPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/nieuw",
                      lazy: lazyPage(
                        () => import("../features/unread/UnreadPage"),
                        (m) => m.UnreadPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/vergelijken",
                      lazy: lazyPage(
                        () => import("../features/comparison/ComparisonPage"),
                        (m) => m.ComparisonPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/vergelijking/:comparisonId",
                      lazy: lazyPage(
                        () => import("../features/comparison/SavedComparisonPage"),
                        (m) => m.SavedComparisonPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/handboek",
                      lazy: lazyPage(
                        () => import("../features/handbook/HandbookPage"),
                        (m) => m.HandbookPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/minimaal",
                      lazy: lazyPage(
                        () => import("../features/minimal/MinimalPage"),
                        (m) => m.MinimalPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/lessen",
                      lazy: lazyPage(
                        () => import("../features/lessons/LessonsPage"),
                        (m) => m.LessonsPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/themas",
                      lazy: lazyPage(
                        () => import("../features/themes/ThemesPage"),
                        (m) => m.ThemesPage,
                      ),
                    },
                    {
                      path: "/w/:workspaceId/zoeken",
                      lazy: lazyPage(
                        () => import("../features/search/SearchPage"),
                        (m) => m.SearchPage,
                      ),
                    },
                    {
                      path: "/account",
                      lazy: lazyPage(
                        () => import("../features/account/AccountPage"),
                        (m) => m.AccountPage,
                      ),
                    },
                    { path: "*", element: <NotFoundPage /> },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
