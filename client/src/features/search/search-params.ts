import { type SearchFilterKey, searchFilterKeys } from "../../../../shared/schemas/search";

/** What a search asks for: the words and the chosen facet values (several values of one key are OR-ed). */
export interface SearchState {
  q: string;
  filters: Partial<Record<SearchFilterKey, string[]>>;
  /** Every word is text: kind words ("valkuil") are not read as a kind filter (`?literal=1`). */
  literal?: boolean;
}

/** Reads the search from a URL's query (`?q=…&theme=a&theme=b`); unknown keys are ignored. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState["filters"] = {};
  for (const key of searchFilterKeys) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "");
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  const literal = params.get("literal") === "1";
  return { q: (params.get("q") ?? "").trim(), filters, ...(literal ? { literal } : {}) };
}

/** True when the search has no words and no filters (nothing to ask the server). */
export const isEmptySearch = (state: SearchState): boolean =>
  state.q === "" && Object.keys(state.filters).length === 0;

/** The query string of GET /api/workspaces/:id/search for this search (stable order, so it can key a cache). */
export function searchApiQuery(
  state: SearchState,
  options: { limit: number; facets?: readonly SearchFilterKey[] },
): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const key of searchFilterKeys) {
    for (const value of [...(state.filters[key] ?? [])].sort()) params.append(key, value);
  }
  if (state.literal) params.set("literal", "1");
  if (options.facets && options.facets.length > 0) params.set("facets", options.facets.join(","));
  params.set("limit", String(options.limit));
  return params.toString();
}

/** The URL query with one facet value switched on or off; other keys (and the words) stay. */
export function toggleFilter(params: URLSearchParams, key: SearchFilterKey, value: string): URLSearchParams {
  const current = readSearchState(params).filters[key] ?? [];
  const nextValues = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const next = new URLSearchParams(params);
  next.delete(key);
  for (const v of nextValues) next.append(key, v);
  return next;
}

/** The URL query without any filter (the words stay). */
export function clearFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of searchFilterKeys) next.delete(key);
  return next;
}

/** Where a hit opens: a lesson at its block in its document, a document at its top. */
export function hitHref(workspaceId: string, hit: { type: string; id: string; documentId: string }): string {
  const base = `/w/${encodeURIComponent(workspaceId)}/d/${encodeURIComponent(hit.documentId)}`;
  return hit.type === "lesson" ? `${base}?les=${encodeURIComponent(hit.id)}` : base;
}

/** The full results page for these words (filters start empty), taken literally when `literal`. */
export const searchPageHref = (workspaceId: string, q: string, literal = false): string =>
  `/w/${encodeURIComponent(workspaceId)}/zoeken${q ? `?q=${encodeURIComponent(q)}${literal ? "&literal=1" : ""}` : ""}`;
