import { useTranslation } from "react-i18next";
import { describeApiError } from "../../forms/errors";
import { Button } from "../../ui/Button";
import { isSearchUnavailable } from "./search-queries";

/** Why there are no results: the engine is down (503) or the search failed otherwise, with a retry. */
export function SearchProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("search");
  return (
    <div className="search-problem" role="alert">
      <p>{isSearchUnavailable(error) ? t("unavailable") : `${t("failed")} ${describeApiError(error)}`}</p>
      <Button variant="secondary" onPress={onRetry}>
        {t("retry")}
      </Button>
    </div>
  );
}
