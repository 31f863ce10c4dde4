import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router";
import { usePageTitle } from "../ui/use-page-title";

/** Any unknown path inside the app. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <div className="page">
      <h1 className="page__title">{t("notFound.title")}</h1>
      <p className="page__lead">{t("notFound.body")}</p>
      <Link to="/" className="button button--secondary">
        {t("notFound.home")}
      </Link>
    </div>
  );
}

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
