import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

export { NotFoundPage } from "../ui/NotFoundPage";

/** A screen that threw while rendering: say so calmly, and log the details for developers. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <div className="page page--centered">
      <h1 className="page__title">{t("crashed.title")}</h1>
      <p className="page__lead">{t("crashed.body")}</p>
      <a href="/" className="button button--secondary">
        {t("notFound.home")}
      </a>
    </div>
  );
}
