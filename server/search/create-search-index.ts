import type { Config } from "../config";
import type { Logger } from "../logger";
import {
  createEmbeddedSearchIndex,
  MAX_NEW_TERMS_PER_WORKSPACE,
  type SearchEntrySource,
} from "./embedded/embedded-search-index";
import { createMeiliSearchIndex } from "./meilisearch/meili-search-index";
import type { SearchIndex } from "./search-index";

export type { SearchEntrySource } from "./embedded/embedded-search-index";

export interface CreateSearchIndexOptions {
  /** Every entry from SQL, in batches: fills the embedded engine at start (Meilisearch keeps its own data). */
  source?: SearchEntrySource;
  /** Meilisearch index name; tests give each run its own. */
  indexUid?: string;
  retryIntervalMs?: number;
}

/** The one place that picks the engine: Meilisearch when MEILI_URL is set, else the embedded engine. */
export async function createSearchIndex(
  config: Pick<Config, "meili">,
  logger: Logger,
  options: CreateSearchIndexOptions = {},
): Promise<SearchIndex> {
  if (config.meili) {
    logger.info("Search engine: Meilisearch", { url: config.meili.url });
    return createMeiliSearchIndex({
      url: config.meili.url,
      masterKey: config.meili.masterKey,
      logger,
      indexUid: options.indexUid,
      retryIntervalMs: options.retryIntervalMs,
    });
  }
  const started = performance.now();
  const index = await createEmbeddedSearchIndex(options.source, {
    onCapped: (workspaceId) =>
      logger.warn("A workspace reached the search dictionary's cap; its new words are no longer indexed", {
        workspaceId,
        cap: MAX_NEW_TERMS_PER_WORKSPACE,
      }),
  });
  logger.info("Search engine: embedded", { rebuiltInMs: Math.round(performance.now() - started) });
  return index;
}
