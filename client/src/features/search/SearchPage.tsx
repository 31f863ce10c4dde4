import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { SEARCH_LIMITS, type SearchFacetName } from "../../../../shared/schemas/search";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { usePageTitle } from "../../ui/use-page-title";
import { FacetFilters, shownFacets } from "./FacetFilters";
import { SearchHitView } from "./SearchHitView";
import { SearchProblem } from "./SearchProblem";
import { UnderstoodKinds } from "./UnderstoodKinds";
import { clearFilters, hitHref, readSearchState, searchApiQuery, toggleFilter } from "./search-params";
import { useOwnFacetCounts, useSearchResults } from "./search-queries";
import { useDebouncedValue } from "./use-debounced-value";
import "./search.css";

const PAGE_SIZE = 20;

/** The full results page (route /w/:workspaceId/zoeken?q=…&theme=…): words and facet filters live in the URL. */
export function SearchPage() {
  const { t } = useTranslation("search");
  const { workspaceId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const urlState = readSearchState(params);
  // Debounce the query string (a stable value), not the parsed object that is new on every render.
  const settledQuery = useDebouncedValue(params.toString(), 150);
  const state = useMemo(() => readSearchState(new URLSearchParams(settledQuery)), [settledQuery]);
  const stateKey = searchApiQuery(state, { limit: 0 });
  const [limit, setLimit] = useState(PAGE_SIZE);
  // New words or filters start again at the first page of results.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stateKey is the trigger, not a value read here.
  useEffect(() => setLimit(PAGE_SIZE), [stateKey]);
  const results = useSearchResults(workspaceId, state, { limit, facets: shownFacets, allowEmpty: true });
  const ownFacets = useOwnFacetCounts(workspaceId, state);
  usePageTitle(urlState.q ? t("page.titleFor", { q: urlState.q }) : t("page.title"));

  const update = (next: URLSearchParams) => setParams(next, { replace: true });
  const onToggle = (facet: SearchFacetName, value: string) => update(toggleFilter(params, facet, value));
  const hasFilters = Object.keys(urlState.filters).length > 0;
  const data = results.data;
  const busy = results.isFetching || stateKey !== searchApiQuery(urlState, { limit: 0 });

  return (
    <div className="search-page">
      <header className="search-page__header">
        <h1>{t("page.title")}</h1>
        <search className="search-page__form">
          <label className="visually-hidden" htmlFor="search-page-q">
            {t("page.query")}
          </label>
          <input
            id="search-page-q"
            type="search"
            className="search-page__input"
            value={params.get("q") ?? ""}
            placeholder={t("field.placeholder")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              next.delete("literal");
              if (event.target.value === "") next.delete("q");
              else next.set("q", event.target.value);
              update(next);
            }}
          />
        </search>
      </header>
      <div className="search-page__body">
        <aside className="search-page__facets" aria-labelledby="search-facets-title">
          <div className="search-page__facets-head">
            <h2 id="search-facets-title">{t("page.filters")}</h2>
            {hasFilters && (
              <Button variant="quiet" size="small" onPress={() => update(clearFilters(params))}>
                {t("page.clearFilters")}
              </Button>
            )}
          </div>
          <FacetFilters
            facets={data && { ...data.facets, ...ownFacets }}
            state={urlState}
            onToggle={onToggle}
          />
        </aside>
        <section className="search-page__results" aria-labelledby="search-count" aria-busy={busy}>
          <p id="search-count" className="search-page__count" role="status">
            {data &&
              (urlState.q
                ? t("page.countFor", { count: data.total, q: urlState.q })
                : t("page.count", { count: data.total }))}
            {busy && <Spinner />}
            {busy && <span className="visually-hidden">{t("field.loading")}</span>}
          </p>
          {!results.isError && (
            <UnderstoodKinds
              understood={data?.understood}
              onRemove={() => {
                const next = new URLSearchParams(params);
                next.set("literal", "1");
                update(next);
              }}
            />
          )}
          {results.isError ? (
            <SearchProblem error={results.error} onRetry={() => results.refetch()} />
          ) : data && data.hits.length === 0 ? (
            <p className="search-page__empty">
              {t("empty")} <span className="muted">{t("emptyHint")}</span>
            </p>
          ) : (
            data && (
              <ol className="search-results" data-stale={results.isPlaceholderData || undefined}>
                {data.hits.map((hit) => (
                  <li key={`${hit.type}:${hit.id}`} className="search-results__item">
                    <Link to={hitHref(workspaceId, hit)} className="search-results__link">
                      <SearchHitView hit={hit} />
                    </Link>
                  </li>
                ))}
              </ol>
            )
          )}
          {data && data.total > data.hits.length && limit < SEARCH_LIMITS.maxLimit && (
            <Button
              variant="secondary"
              onPress={() => setLimit((l) => Math.min(l + PAGE_SIZE, SEARCH_LIMITS.maxLimit))}
              isPending={results.isFetching}
            >
              {t("page.more")}
            </Button>
          )}
        </section>
      </div>
    </div>
  );
}
