import type { Settings } from "meilisearch";
import { DUTCH_STOP_WORDS } from "../dutch-text";

/**
 * Settings of the search index, applied at every start (Meilisearch treats equal settings as a no-op).
 * Searchable order matters: with "attribute" before "proximity", a title hit outranks a text hit.
 */
export const meiliIndexSettings: Settings = {
  // `synonyms` (the workspace's, server/search/synonyms.ts) after the entry's own words; `forms` and `parts`
  // (Dutch word forms, meili-search-index.ts) last: a word itself outranks its other forms.
  // `anchor` (one word every record holds, see QUERY_ANCHOR) after everything.
  searchableAttributes: [
    "title",
    "text",
    "themeNames",
    "caseName",
    "documentTitle",
    "synonyms",
    "forms",
    "parts",
    "anchor",
  ],
  filterableAttributes: [
    "workspaceId",
    "documentId",
    "type",
    "lessonKind",
    "themeIds",
    "caseName",
    "isCentreCity",
    "outcome",
    "status",
    "documentKind",
  ],
  sortableAttributes: ["title", "documentTitle", "status"],
  // Everything of the record but the word forms, which no answer needs.
  displayedAttributes: [
    "id",
    "workspaceId",
    "type",
    "documentId",
    "title",
    "documentTitle",
    "text",
    "themeNames",
    "themeIds",
    "themes",
    "lessonKind",
    "status",
    "caseName",
    "isCentreCity",
    "outcome",
    "documentKind",
  ],
  rankingRules: ["words", "typo", "attribute", "proximity", "sort", "exactness"],
  stopWords: [...DUTCH_STOP_WORDS],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 1000 },
  pagination: { maxTotalHits: 10_000 },
};
