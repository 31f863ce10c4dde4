import { useTranslation } from "react-i18next";
import type { FacetCount, SearchFacetName, SearchResponse } from "../../../../shared/schemas/search";
import type { SearchState } from "./search-params";

/** The facets shown beside the results, in this order. */
export const shownFacets = [
  "lessonKind",
  "theme",
  "case",
  "isCentreCity",
  "outcome",
  "status",
  "documentKind",
  "type",
] as const satisfies readonly SearchFacetName[];

/** A readable name for one facet value (ids and codes become words in the current language). */
function useFacetLabel() {
  const { t } = useTranslation("search");
  const { t: tl } = useTranslation("lessons");
  const { t: td } = useTranslation("documents");
  return (facet: SearchFacetName, count: FacetCount): string => {
    switch (facet) {
      case "type":
        return count.value === "lesson" || count.value === "document"
          ? t(`types.${count.value}`)
          : count.value;
      case "lessonKind":
        return tl(`kinds.${count.value as "do"}`, { defaultValue: count.value });
      case "status":
        return tl(`statuses.${count.value as "candidate"}`, { defaultValue: count.value });
      case "outcome":
        return tl(`outcomes.${count.value as "succeeded"}`, { defaultValue: count.value });
      case "documentKind":
        return td(`kind.${count.value as "case"}`, { defaultValue: count.value });
      case "isCentreCity":
        return count.value === "true" ? t("centre.true") : t("centre.false");
      default:
        return count.label ?? count.value;
    }
  };
}

/** Facet counts as checkbox groups; a chosen value stays listed (count 0) so it can be switched off. */
export function FacetFilters({
  facets,
  state,
  onToggle,
}: {
  facets: SearchResponse["facets"] | undefined;
  state: SearchState;
  onToggle: (facet: SearchFacetName, value: string) => void;
}) {
  const { t } = useTranslation("search");
  const label = useFacetLabel();
  return (
    <div className="search-facets">
      {shownFacets.map((facet) => {
        const chosen = state.filters[facet] ?? [];
        const counts = [...(facets?.[facet] ?? [])].filter((c) => c.count > 0 || chosen.includes(c.value));
        for (const value of chosen) {
          if (!counts.some((c) => c.value === value)) counts.push({ value, count: 0 });
        }
        if (counts.length === 0) return null;
        return (
          <fieldset key={facet} className="search-facets__group" data-facet={facet}>
            <legend>{t(`facets.${facet}`)}</legend>
            <ul>
              {counts.map((count) => (
                <li key={count.value}>
                  <label className="search-facets__option">
                    <input
                      type="checkbox"
                      aria-label={t("facets.countLabel", { label: label(facet, count), count: count.count })}
                      checked={chosen.includes(count.value)}
                      onChange={() => onToggle(facet, count.value)}
                    />
                    <span className="search-facets__label">{label(facet, count)}</span>
                    <span className="search-facets__count" aria-hidden="true">
                      {count.count}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
