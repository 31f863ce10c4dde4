import { filterField, type SearchFacetName, type SearchQuery } from "../search-index";

/** A Meilisearch string literal: double-quoted with quotes and backslashes escaped. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The filter of a query: the caller's workspaces always, then each filter key (values OR-ed through
 * IN, keys AND-ed). Returns an array of clauses, which Meilisearch AND-s.
 */
export function filterExpression(query: SearchQuery): string[] {
  const clauses = [`workspaceId IN [${query.workspaceIds.map(quoted).join(", ")}]`];
  for (const [key, values] of Object.entries(query.filters)) {
    if (!values || values.length === 0) continue;
    const field = filterField[key as SearchFacetName];
    const literals = values.map((v: string | boolean) => (typeof v === "boolean" ? String(v) : quoted(v)));
    clauses.push(`${field} IN [${literals.join(", ")}]`);
  }
  return clauses;
}
