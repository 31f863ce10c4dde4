import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import {
  type SearchFilterKey,
  type SearchResponse,
  searchResponseSchema,
} from "../../../../shared/schemas/search";
import { api, isApiError } from "../../api/client";
import { isEmptySearch, type SearchState, searchApiQuery } from "./search-params";

/** Query keys of this feature; under ["workspaces", id] so a workspace refresh also refreshes results. */
export const searchKeys = {
  results: (workspaceId: string, query: string) => ["workspaces", workspaceId, "search", query] as const,
};

/** True when the search engine is down (the server answers 503). */
export const isSearchUnavailable = (error: unknown): boolean => isApiError(error, 503);

/**
 * Results of a search, keeping the previous answer on screen while the next one loads. Each search
 * has its own cache key, so an answer that arrives after the words changed is never shown for them.
 */
export function useSearchResults(
  workspaceId: string,
  state: SearchState,
  options: { limit: number; facets?: readonly SearchFilterKey[]; enabled?: boolean; allowEmpty?: boolean },
) {
  const query = searchApiQuery(state, options);
  return useQuery({
    queryKey: searchKeys.results(workspaceId, query),
    queryFn: () =>
      api.get(`/api/workspaces/${encodeURIComponent(workspaceId)}/search?${query}`, searchResponseSchema),
    enabled:
      (options.enabled ?? true) &&
      workspaceId !== "" &&
      (options.allowEmpty === true || !isEmptySearch(state)),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    // A 503 says the engine is down: say so at once instead of retrying behind a spinner.
    retry: (failures, error) =>
      failures < 1 && !isSearchUnavailable(error) && (!isApiError(error) || error.status >= 500),
  });
}

/**
 * Facet counts as a person expects them next to ticked boxes: a facet that has a filter is counted
 * without its own filter (but with all others), so its other values stay visible to add (OR) — one
 * small request per filtered facet, with the others' counts from the main search.
 */
export function useOwnFacetCounts(workspaceId: string, state: SearchState) {
  const filtered = (Object.keys(state.filters) as SearchFilterKey[]).sort();
  return useQueries({
    queries: filtered.map((facet) => {
      const { [facet]: _own, ...others } = state.filters;
      const query = searchApiQuery({ q: state.q, filters: others }, { limit: 1, facets: [facet] });
      return {
        queryKey: searchKeys.results(workspaceId, query),
        queryFn: () =>
          api.get(`/api/workspaces/${encodeURIComponent(workspaceId)}/search?${query}`, searchResponseSchema),
        placeholderData: keepPreviousData,
        staleTime: 5_000,
        retry: false,
      };
    }),
    combine: (results) => {
      const facets: SearchResponse["facets"] = {};
      filtered.forEach((facet, index) => {
        const counts = results[index]?.data?.facets[facet];
        if (counts) facets[facet] = counts;
      });
      return facets;
    },
  });
}
