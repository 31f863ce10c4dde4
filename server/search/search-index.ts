import type { CaseOutcome, DocumentKind } from "../../shared/schemas/documents";
import type {
  FacetCount,
  LessonKind,
  LessonStatus,
  SearchFacetName,
  SearchHit,
  SearchHitType,
} from "../../shared/schemas/search";

export type { FacetCount, SearchFacetName, SearchHit } from "../../shared/schemas/search";

/** Case metadata copied onto every entry of a case document, so it can be filtered and counted. */
interface CaseFields {
  caseName?: string;
  isCentreCity?: boolean;
  outcome?: CaseOutcome;
  /**
   * The workspace's synonyms this entry mentions, every term of each such group (server/search/synonyms.ts):
   * indexed as a field of its own, so "LDE" finds a text that says "lokale diensteneconomie".
   */
  synonyms?: string;
}

/** A lesson block as the index sees it. Ids are unique across lessons and documents (server/ids.ts). */
export interface LessonEntry extends CaseFields {
  id: string;
  workspaceId: string;
  type: "lesson";
  documentId: string;
  documentTitle: string;
  text: string;
  lessonKind: LessonKind;
  themes: { id: string; name: string }[];
  status: LessonStatus;
  documentKind: DocumentKind;
}

/** A whole document as the index sees it. */
export interface DocumentEntry extends CaseFields {
  id: string;
  workspaceId: string;
  type: "document";
  documentId: string;
  title: string;
  text: string;
  documentKind: DocumentKind;
}

export type SearchEntry = LessonEntry | DocumentEntry;

/** Filter values per key; values of one key are OR-ed, keys are AND-ed. */
export interface SearchFilters {
  type?: SearchHitType[];
  lessonKind?: LessonKind[];
  /** Theme ids. */
  theme?: string[];
  /** Case names. */
  case?: string[];
  isCentreCity?: boolean[];
  outcome?: CaseOutcome[];
  status?: LessonStatus[];
  documentKind?: DocumentKind[];
}

export interface SearchQuery {
  /** The workspaces the caller may read. Set by the server from the access check, never from the client. */
  workspaceIds: string[];
  q: string;
  filters: SearchFilters;
  facets: SearchFacetName[];
  limit: number;
  offset: number;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: Partial<Record<SearchFacetName, FacetCount[]>>;
  total: number;
  took: number;
}

/** The search engine port: Meilisearch or the embedded engine, chosen in create-search-index.ts. */
export interface SearchIndex {
  /** Adds or replaces entries (same id = update). */
  index(entries: SearchEntry[]): Promise<void>;
  /** Removes entries by id; unknown ids are ignored. */
  remove(ids: string[]): Promise<void>;
  /** Removes a document and every lesson in it. */
  removeDocument(documentId: string): Promise<void>;
  /** Removes everything of one workspace. */
  clearWorkspace(workspaceId: string): Promise<void>;
  /** Searches within query.workspaceIds only; throws a 503 AppError when the engine does not answer. */
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * Calls `listener` when the engine's store does not hold what SQL holds (created empty on a first start or
   * after a lost volume, or written by a version with other records): everything has to be sent again. The
   * listener resolves once that is queued. An engine rebuilt from SQL at start never calls it.
   */
  onStale(listener: () => Promise<void>): void;
  /** True when the engine answers (for /healthz). */
  health(): Promise<boolean>;
  /** Stops timers and lets go of connections. */
  close(): Promise<void>;
}

/** A write the engine answered with a refusal (its own code and message): sending it again fails again. */
export class SearchTaskError extends Error {
  override name = "SearchTaskError";
}

/** A write the engine did not answer; nothing of it may be taken as done (the outbox keeps it). */
export class SearchUnavailableError extends Error {
  override name = "SearchUnavailableError";
}

/** The filter key as the engines store it. */
export const filterField = {
  type: "type",
  lessonKind: "lessonKind",
  theme: "themeIds",
  case: "caseName",
  isCentreCity: "isCentreCity",
  outcome: "outcome",
  status: "status",
  documentKind: "documentKind",
} as const satisfies Record<SearchFacetName, string>;

/** Sorts a value→count map into facet counts, most frequent first, then by value. */
export function toFacetCounts(distribution: Record<string, number>): FacetCount[] {
  return Object.entries(distribution)
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
