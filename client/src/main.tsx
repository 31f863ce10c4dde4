// First: it configures Zod before any schema module is evaluated.
import "./app/zod-config";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import { createQueryClient } from "./api/query-client";
import { createAppRouter } from "./app/router";
import { setUpI18n } from "./i18n";
import { registerServiceWorker } from "./offline/register-service-worker";
import "./styles/index.css";

const i18n = setUpI18n();
const queryClient = createQueryClient();
const router = createAppRouter();

registerServiceWorker();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
