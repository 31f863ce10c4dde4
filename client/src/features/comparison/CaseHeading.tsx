import { useTranslation } from "react-i18next";
import type { ComparisonMatrix } from "../../../../shared/schemas/comparisons";

type ComparedCase = ComparisonMatrix["cases"][number];

/** What the comparison shows of a case: municipality, centre city or not, and its outcome. */
export function CaseFacts({ compared }: { compared: Omit<ComparedCase, "id" | "title"> }) {
  const { t } = useTranslation("comparison");
  return (
    <span className="case-facts">
      {compared.municipality && <span>{compared.municipality}</span>}
      {compared.isCentreCity !== null && (
        <span>{compared.isCentreCity ? t("page.centreCity") : t("page.notCentreCity")}</span>
      )}
      <span className="outcome-badge" data-outcome={compared.outcome ?? "none"}>
        {compared.outcome ? t(`outcomes.${compared.outcome}`) : t("page.noOutcome")}
      </span>
    </span>
  );
}
