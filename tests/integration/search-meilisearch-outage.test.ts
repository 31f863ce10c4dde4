import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors";
import { createLogger } from "../../server/logger";
import { createSearchIndex } from "../../server/search/create-search-index";
import type { MeiliSearchIndex } from "../../server/search/meilisearch/meili-search-index";
import type { SearchQuery } from "../../server/search/search-index";
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
  const open = async () =>
    (await createSearchIndex({ meili: { url: server.url, masterKey: server.masterKey } }, logger, {
      indexUid: `outage_${randomBytes(6).toString("hex")}`,
      retryIntervalMs: 200,
    })) as MeiliSearchIndex;

  beforeAll(async () => {
    server = await startMeilisearch();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers 503 while down, keeps writes, and indexes the missed ones when it is back", async () => {
    const index = await open();
    await index.index([dA1]);
    expect((await index.search(everything)).hits.map((h) => h.id)).toEqual([dA1.id]);

    await server.stop();
    expect(await index.health()).toBe(false);
    const refused = await index.search({ ...everything, q: "dienstenwijzer" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: "service_unavailable" });
    expect((refused as Error).message).toMatch(/search engine does not answer/);

    // Edits keep working: the writes resolve and wait in the queue.
    await index.index([lA1]);
    await index.remove([dA1.id]);
    expect(index.pendingWrites).toBe(2);

    await server.start();
    await eventually(async () => index.pendingWrites === 0, "the missed writes to be replayed");
    expect(await index.health()).toBe(true);
    const after = await index.search({ ...everything, q: "actueel" });
    expect(after.hits.map((h) => h.id)).toEqual([lA1.id]);
    expect((await index.search(everything)).hits.map((h) => h.id)).toEqual([lA1.id]);
    await index.close();
  });

  it("starts while Meilisearch is down and applies settings and writes once it is up", async () => {
    await server.stop();
    const index = await open();
    expect(await index.health()).toBe(false);
    await index.index([dA2]);
    expect(index.pendingWrites).toBe(1);

    await server.start();
    await eventually(async () => index.pendingWrites === 0, "settings and the missed write");
    // The settings were applied too: a typo and a prefix only work with the index as configured.
    const found = await index.search({ ...everything, q: "klaverbladmodl", facets: ["case"] });
    expect(found.hits.map((h) => h.id)).toEqual([dA2.id]);
    expect(found.facets.case).toEqual([{ value: "Sint-Niklaas", count: 1 }]);
    await index.close();
  });
});
