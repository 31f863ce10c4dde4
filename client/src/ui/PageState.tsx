import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { describeApiError } from "../forms/errors";
import { Button } from "./Button";
import { NotFoundPage } from "./NotFoundPage";
import { Spinner } from "./Spinner";

/** Shown while a page's data loads. */
export function PageLoading({ fullScreen }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullScreen ? "page-state page-state--full" : "page-state"} role="status">
      <Spinner size="large" />
      <span>{t("actions.loading")}</span>
    </div>
  );
}

/**
 * Shown when a page's data could not be loaded, with a way to try again — or, when the server says it does
 * not exist (or is not the reader's to see: the API answers 404 for both), the not-found page.
 */
export function PageError({
  error,
  onRetry,
  fullScreen,
}: {
  error: unknown;
  onRetry?: () => void;
  fullScreen?: boolean;
}) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className={fullScreen ? "page-state page-state--full" : "page-state"}>
      <p role="alert">{describeApiError(error)}</p>
      {onRetry && <Button onPress={onRetry}>{t("actions.retry")}</Button>}
    </div>
  );
}
