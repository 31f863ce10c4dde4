import type { Settings } from "meilisearch";
import { DUTCH_STOP_WORDS } from "../dutch-text";

/**
 * Settings of the search index, applied at every start (Meilisearch treats equal settings as a no-op).
 * Searchable order matters: with "attribute" before "proximity", a title hit outranks a text hit.
 */
export const meiliIndexSettings: Settings = {
  searchableAttributes: ["title", "text", "themeNames", "caseName", "documentTitle"],
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
  displayedAttributes: ["*"],
  rankingRules: ["words", "typo", "attribute", "proximity", "sort", "exactness"],
  stopWords: [...DUTCH_STOP_WORDS],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 1000 },
  pagination: { maxTotalHits: 10_000 },
};
