import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "./use-page-title";

/** An unknown path, or a workspace, document or comparison that does not exist or is not the reader's to see. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <div className="page">
      <h1 className="page__title">{t("notFound.title")}</h1>
      <p className="page__lead">{t("notFound.body")}</p>
      <p>
        <Link to="/" className="button button--secondary">
          {t("notFound.home")}
        </Link>
      </p>
    </div>
  );
}
