import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors";
import { createLogger } from "../../server/logger";
import { createSearchIndex } from "../../server/search/create-search-index";
import { type MeiliSearchIndex, RECORD_FORMAT } from "../../server/search/meilisearch/meili-search-index";
import { type SearchQuery, SearchUnavailableError } from "../../server/search/search-index";
import { type MeiliServer, meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import { dA1, dA2, lA1, WS_A } from "../search/fixtures";

const unavailable = meiliUnavailableReason();
const logger = createLogger("silent");
const title = unavailable ? `Meilisearch outage — SKIPPED: ${unavailable}` : "Meilisearch outage";
const everything: SearchQuery = {
  workspaceIds: [WS_A],
  q: "",
  filters: {},
  facets: [],
  limit: 50,
  offset: 0,
};

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(unavailable !== undefined)(title, () => {
  let server: MeiliServer;
  const open = async (indexUid = `outage_${randomBytes(6).toString("hex")}`) =>
    (await createSearchIndex({ meili: { url: server.url, masterKey: server.masterKey } }, logger, {
      indexUid,
      retryIntervalMs: 200,
    })) as MeiliSearchIndex;

  beforeAll(async () => {
    server = await startMeilisearch();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers 503 while down; a write it cannot make fails as unavailable, and works again when it is back", async () => {
    const index = await open();
    await index.index([dA1]);
    expect((await index.search(everything)).hits.map((h) => h.id)).toEqual([dA1.id]);

    await server.stop();
    expect(await index.health()).toBe(false);
    const refused = await index.search({ ...everything, q: "dienstenwijzer" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: "service_unavailable" });
    expect((refused as Error).message).toMatch(/search engine does not answer/);

    // Nothing is taken as done while the engine is down: the caller (the SQL outbox) keeps the write.
    await expect(index.index([lA1])).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(index.remove([dA1.id])).rejects.toBeInstanceOf(SearchUnavailableError);

    await server.start();
    await index.index([lA1]);
    await index.remove([dA1.id]);
    expect(await index.health()).toBe(true);
    const after = await index.search({ ...everything, q: "actueel" });
    expect(after.hits.map((h) => h.id)).toEqual([lA1.id]);
    expect((await index.search(everything)).hits.map((h) => h.id)).toEqual([lA1.id]);
    await index.close();
  });

  it("starts while Meilisearch is down, applies its settings once it is up, and says the index is new", async () => {
    await server.stop();
    const uid = `outage_${randomBytes(6).toString("hex")}`;
    const index = await open(uid);
    let stale = 0;
    index.onStale(async () => {
      stale++;
    });
    expect(await index.health()).toBe(false);
    await expect(index.index([dA2])).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(stale).toBe(0);

    await server.start();
    // The settings are retried on their own; the first write after that goes through.
    await eventually(async () => stale === 1, "the settings to be applied to a new index");
    await index.index([dA2]);
    // The settings were applied too: a typo and a prefix only work with the index as configured.
    const found = await index.search({ ...everything, q: "klaverbladmodl", facets: ["case"] });
    expect(found.hits.map((h) => h.id)).toEqual([dA2.id]);
    expect(found.facets.case).toEqual([{ value: "Sint-Niklaas", count: 1 }]);
    // Once the listener is done, the index is marked as of the current record format.
    const marker = () =>
      fetch(`${server.url}/indexes/${uid}/documents/themawerk_record_format`, {
        headers: { Authorization: `Bearer ${server.masterKey}` },
      });
    await eventually(async () => (await marker()).ok, "the record format marker");
    expect(await (await marker()).json()).toMatchObject({ format: RECORD_FORMAT });
    // The marker is never a hit, not even for an empty query.
    expect((await index.search(everything)).hits.map((h) => h.id)).toEqual([dA2.id]);
    await index.close();

    // Opening the same index again: current, so nobody is told to send everything again.
    const again = await open(uid);
    let againStale = 0;
    again.onStale(async () => {
      againStale++;
    });
    expect(againStale).toBe(0);
    await again.close();

    // An index written by a version without the marker (or with an older one) is stale.
    const removed = await fetch(`${server.url}/indexes/${uid}/documents/themawerk_record_format`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${server.masterKey}` },
    });
    expect(removed.status).toBe(202);
    await eventually(async () => (await marker()).status === 404, "the marker to be gone");
    const older = await open(uid);
    let olderStale = 0;
    older.onStale(async () => {
      olderStale++;
    });
    expect(olderStale).toBe(1);
    await older.close();
  });
});
