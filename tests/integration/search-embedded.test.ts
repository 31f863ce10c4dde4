import { describe, expect, it } from "vitest";
import { createSearchIndex } from "../../server/search/create-search-index";
import { EmbeddedSearchIndex } from "../../server/search/embedded/embedded-search-index";
import type { SearchEntry } from "../../server/search/search-index";
import { createLogger } from "../../server/logger";
import { searchIndexContract } from "../search/search-index.contract";
import { ALL_ENTRIES, WS_A } from "../search/fixtures";

const logger = createLogger("silent");

describe("embedded search index", () => {
  searchIndexContract(() => createSearchIndex({ meili: undefined }, logger));

  it("is what the selector picks without MEILI_URL", async () => {
    const index = await createSearchIndex({ meili: undefined }, logger);
    expect(index).toBeInstanceOf(EmbeddedSearchIndex);
    expect(await index.health()).toBe(true);
    await index.close();
  });

  it("is rebuilt from the source at start, batch by batch", async () => {
    async function* source(): AsyncIterable<SearchEntry[]> {
      yield ALL_ENTRIES.slice(0, 4);
      yield ALL_ENTRIES.slice(4);
    }
    const index = await createSearchIndex({ meili: undefined }, logger, { source });
    const result = await index.search({
      workspaceIds: [WS_A],
      q: "",
      filters: {},
      facets: [],
      limit: 50,
      offset: 0,
    });
    expect(result.total).toBe(9);
    await index.close();
  });
});
