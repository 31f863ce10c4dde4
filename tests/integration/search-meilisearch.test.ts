import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger";
import { createSearchIndex } from "../../server/search/create-search-index";
import { MeiliSearchIndex, SearchTaskError } from "../../server/search/meilisearch/meili-search-index";
import { meiliIndexSettings } from "../../server/search/meilisearch/index-settings";
import { type MeiliServer, meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import { dA1, WS_A } from "../search/fixtures";
import { searchIndexContract } from "../search/search-index.contract";

const unavailable = meiliUnavailableReason();
const logger = createLogger("silent");
const title = unavailable ? `Meilisearch search index — SKIPPED: ${unavailable}` : "Meilisearch search index";
if (unavailable) console.warn(`[search] ${title}`);

describe.skipIf(unavailable !== undefined)(title, () => {
  let server: MeiliServer;
  const meiliConfig = () => ({ meili: { url: server.url, masterKey: server.masterKey } });
  const freshUid = () => `contract_${randomBytes(6).toString("hex")}`;

  beforeAll(async () => {
    server = await startMeilisearch();
  });
  afterAll(async () => {
    await server?.close();
  });

  // Every factory call gets its own index on the one server, through the same selector the app uses.
  searchIndexContract(() => createSearchIndex(meiliConfig(), logger, { indexUid: freshUid() }));

  it("is what the selector picks with MEILI_URL", async () => {
    const index = await createSearchIndex(meiliConfig(), logger, { indexUid: freshUid() });
    expect(index).toBeInstanceOf(MeiliSearchIndex);
    expect(await index.health()).toBe(true);
    await index.close();
  });

  it("applies its settings idempotently at every start", async () => {
    const indexUid = freshUid();
    const first = await createSearchIndex(meiliConfig(), logger, { indexUid });
    await first.index([dA1]);
    await first.close();
    const second = await createSearchIndex(meiliConfig(), logger, { indexUid });
    const res = await fetch(`${server.url}/indexes/${indexUid}/settings`, {
      headers: { Authorization: `Bearer ${server.masterKey}` },
    });
    const settings = (await res.json()) as Record<string, unknown>;
    expect(settings.searchableAttributes).toEqual(meiliIndexSettings.searchableAttributes);
    expect(settings.rankingRules).toEqual(meiliIndexSettings.rankingRules);
    expect(new Set(settings.filterableAttributes as string[])).toEqual(
      new Set(meiliIndexSettings.filterableAttributes),
    );
    expect(new Set(settings.stopWords as string[])).toEqual(new Set(meiliIndexSettings.stopWords));
    const result = await second.search({
      workspaceIds: [WS_A],
      q: "",
      filters: {},
      facets: [],
      limit: 5,
      offset: 0,
    });
    expect(result.hits.map((h) => h.id)).toEqual([dA1.id]);
    await second.close();
  });

  it("surfaces a failed task as an error", async () => {
    const index = await createSearchIndex(meiliConfig(), logger, { indexUid: freshUid() });
    await expect(index.index([{ ...dA1, id: "not a valid id!" }])).rejects.toThrow(SearchTaskError);
    await expect(index.index([{ ...dA1, id: "not a valid id!" }])).rejects.toThrow(/invalid_document_id/);
    await index.close();
  });

  it("refuses a wrong master key instead of working without one", async () => {
    const index = await createSearchIndex(
      { meili: { url: server.url, masterKey: "wrong-key-0123456789" } },
      logger,
      {
        indexUid: freshUid(),
      },
    ).catch((error: unknown) => error);
    expect(index).toBeInstanceOf(Error);
    expect(String(index)).toMatch(/invalid_api_key|API key/i);
  });
});
