import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/account/AccountPage";
import { LoginPage } from "../features/auth/LoginPage";
import { RequireAuth } from "../features/auth/RequireAuth";
import { DocumentPage } from "../features/documents/DocumentPage";
import { ComparisonPage } from "../features/comparison/ComparisonPage";
import { SavedComparisonPage } from "../features/comparison/SavedComparisonPage";
import { HandbookPage } from "../features/handbook/HandbookPage";
import { AcceptInvitePage } from "../features/invitations/AcceptInvitePage";
import { UnreadPage } from "../features/unread/UnreadPage";
import { LessonsPage } from "../features/lessons/LessonsPage";
import { ThemesPage } from "../features/themes/ThemesPage";
import { MinimalPage } from "../features/minimal/MinimalPage";
import { SearchPage } from "../features/search/SearchPage";
import { MyWorkspacesPage } from "../features/workspaces/MyWorkspacesPage";
import { WorkspaceHomePage } from "../features/workspaces/WorkspaceHomePage";
import { AppShell } from "../shell/AppShell";
import { NotFoundPage, RouteErrorPage } from "./ErrorPages";
import { RootLayout } from "./RootLayout";

/**
 * The app's pages (Dutch paths). Everything except login and accepting an invitation needs a
 * session and sits in the shell.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: "/aanmelden", element: <LoginPage /> },
        { path: "/uitnodiging/:token", element: <AcceptInvitePage /> },
        {
          element: <RequireAuth />,
          children: [
            {
              element: <AppShell />,
              children: [
                {
                  errorElement: <RouteErrorPage />,
                  children: [
                    { index: true, element: <MyWorkspacesPage /> },
                    { path: "/w/:workspaceId", element: <WorkspaceHomePage /> },
                    { path: "/w/:workspaceId/d/:documentId", element: <DocumentPage /> },
                    { path: "/w/:workspaceId/nieuw", element: <UnreadPage /> },
                    { path: "/w/:workspaceId/vergelijken", element: <ComparisonPage /> },
                    { path: "/w/:workspaceId/vergelijking/:comparisonId", element: <SavedComparisonPage /> },
                    { path: "/w/:workspaceId/handboek", element: <HandbookPage /> },
                    { path: "/w/:workspaceId/minimaal", element: <MinimalPage /> },
                    { path: "/w/:workspaceId/lessen", element: <LessonsPage /> },
                    { path: "/w/:workspaceId/themas", element: <ThemesPage /> },
                    { path: "/w/:workspaceId/zoeken", element: <SearchPage /> },
                    { path: "/account", element: <AccountPage /> },
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
