import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchFacetName } from "../../shared/schemas/search";
import type { SearchIndex, SearchQuery, SearchResult } from "../../server/search/search-index";
import {
  ALL_ENTRIES,
  dA1,
  dA2,
  dA3,
  dA4,
  dB1,
  lA1,
  lA2,
  lA3,
  lA4,
  lA5,
  lB1,
  dC1,
  dC2,
  lC1,
  lC2,
  lC3,
  lC4,
  lC5,
  lC6,
  lC7,
  lC8,
  THEMES,
  WORKSPACE_A,
  WORKSPACE_C,
  WS_C,
  WORKSPACE_B,
  WS_A,
  WS_B,
  dD1,
  dD2,
  dD3,
  WORKSPACE_D,
  WS_D,
} from "./fixtures";

/** Makes a fresh, empty index; the suite closes it. */
export type SearchIndexFactory = () => Promise<SearchIndex>;

const allFacets: SearchFacetName[] = [
  "type",
  "lessonKind",
  "theme",
  "case",
  "isCentreCity",
  "outcome",
  "status",
  "documentKind",
];

const query = (q: string, rest: Partial<SearchQuery> = {}): SearchQuery => ({
  workspaceIds: [WS_A],
  q,
  filters: {},
  facets: [],
  limit: 50,
  offset: 0,
  ...rest,
});
const ids = (result: SearchResult) => result.hits.map((h) => h.id);
const idSet = (result: SearchResult) => new Set(ids(result));
const counts = (result: SearchResult, facet: SearchFacetName) =>
  Object.fromEntries((result.facets[facet] ?? []).map((f) => [f.value, f.count]));
const idsOfA = new Set(WORKSPACE_A.map((e) => e.id));
const idsOfB = new Set(WORKSPACE_B.map((e) => e.id));

/**
 * The SearchIndex contract: every adapter registers these tests with its own factory
 * (like Hono's common.case.test.ts for routers).
 */
export function searchIndexContract(factory: SearchIndexFactory): void {
  describe("Dutch word forms", () => {
    let index: SearchIndex;
    beforeAll(async () => {
      index = await factory();
      await index.index(WORKSPACE_C);
    });
    afterAll(async () => {
      await index?.close();
    });
    const inC = (q: string) => index.search(query(q, { workspaceIds: [WS_C] }));

    it("finds a compound by its last part, below the word itself", async () => {
      const economie = ids(await inC("economie"));
      expect(economie).toEqual([dC1.id, dC2.id]);
      expect(ids(await inC("loket"))).toEqual([dC2.id]);
    });

    it("does not take a whole word for the start of another once it is cut to its stem", async () => {
      // "economie" is searched as "economi", which "economisch" starts with.
      expect(ids(await inC("economie"))).not.toContain(lC8.id);
      expect(ids(await inC("sociale economie"))).toEqual([dC1.id]);
      expect(ids(await inC("economisch"))).toEqual([lC8.id]);
    });

    it("finds a compound by its first part", async () => {
      expect(ids(await inC("regie"))).toEqual([lC1.id]);
    });

    it("finds singular and plural from either", async () => {
      for (const q of ["gemeente", "gemeenten"])
        expect(new Set(ids(await inC(q))), q).toEqual(new Set([lC2.id, lC3.id]));
      for (const q of ["valkuil", "valkuilen"])
        expect(new Set(ids(await inC(q))), q).toEqual(new Set([lC4.id, lC5.id]));
      for (const q of ["initiatief", "initiatieven"])
        expect(new Set(ids(await inC(q))), q).toEqual(new Set([lC6.id, lC7.id]));
    });
  });

  describe("workspace synonyms", () => {
    let index: SearchIndex;
    beforeAll(async () => {
      index = await factory();
      await index.index(WORKSPACE_D);
    });
    afterAll(async () => {
      await index?.close();
    });
    const inD = (q: string) => index.search(query(q, { workspaceIds: [WS_D] }));

    it("finds a text by a synonym it does not contain, below a text that says the word itself", async () => {
      expect(ids(await inD("LDE"))).toEqual([dD1.id, dD2.id]);
      expect(ids(await inD("diensteneconomie"))).toEqual([dD2.id, dD1.id]);
      expect(new Set(ids(await inD("lokale diensteneconomie")))).toEqual(new Set([dD1.id, dD2.id]));
    });

    it("leaves texts without the synonym alone, and never shows the synonyms as text", async () => {
      expect(ids(await inD("lokale"))).toContain(dD3.id);
      expect(ids(await inD("LDE"))).not.toContain(dD3.id);
      const hit = (await inD("LDE")).hits.find((h) => h.id === dD2.id);
      expect(hit?.snippet).not.toContain("LDE");
    });
  });

  describe("writes", () => {
    let index: SearchIndex;
    beforeAll(async () => {
      index = await factory();
    });
    afterAll(async () => {
      await index?.close();
    });

    it("indexes, updates and deletes entries", async () => {
      await index.index([dA1, lA1, lA2, dB1, lB1]);
      expect(ids(await index.search(query("actueel")))).toEqual([lA1.id]);

      await index.index([{ ...lA1, text: "Kleine gemeenten missen budget voor de dienstenwijzer." }]);
      expect(ids(await index.search(query("actueel")))).toEqual([]);
      expect(ids(await index.search(query("budget")))).toEqual([lA1.id]);
      expect((await index.search(query(""))).total).toBe(3);

      await index.remove([lA1.id, "unknownid0000000"]);
      expect(ids(await index.search(query("budget")))).toEqual([]);
      expect(idSet(await index.search(query("")))).toEqual(new Set([dA1.id, lA2.id]));
    });

    it("removes a document with its lessons, and clears one workspace only", async () => {
      await index.index(ALL_ENTRIES);
      await index.removeDocument(dA2.id);
      const left = idSet(await index.search(query("")));
      expect(left).toEqual(new Set([dA1.id, dA3.id, dA4.id, lA1.id, lA2.id, lA5.id]));

      await index.clearWorkspace(WS_A);
      expect((await index.search(query(""))).total).toBe(0);
      expect(idSet(await index.search(query("", { workspaceIds: [WS_B] })))).toEqual(idsOfB);
    });
  });

  /** "dienstenwijzer" is in dA1's title (so also in its lessons' document title), dA3's text and two lessons. */
  const dienstenwijzerHits = new Set([dA1.id, dA3.id, lA1.id, lA2.id, lA5.id]);

  describe("reads", () => {
    let index: SearchIndex;
    beforeAll(async () => {
      index = await factory();
      await index.index(ALL_ENTRIES);
    });
    afterAll(async () => {
      await index?.close();
    });

    it("tolerates one typo in longer words", async () => {
      expect(idSet(await index.search(query("dienstenwijzr")))).toEqual(dienstenwijzerHits);
      expect(ids(await index.search(query("klaverbladmodl", { filters: { type: ["document"] } })))).toEqual([
        dA2.id,
      ]);
      expect(ids(await index.search(query("werkwinkal", { filters: { type: ["lesson"] } })))).toEqual([
        lA2.id,
      ]);
    });

    it("matches prefixes while typing", async () => {
      expect(idSet(await index.search(query("dienstenw")))).toEqual(dienstenwijzerHits);
      expect(idSet(await index.search(query("klaverbl")))).toEqual(new Set([dA2.id, lA3.id, lA4.id]));
      expect(idSet(await index.search(query("masterpl")))).toEqual(new Set([dA2.id, lA2.id, lA4.id]));
    });

    it("counts every facet", async () => {
      const result = await index.search(query("", { facets: allFacets }));
      expect(result.total).toBe(9);
      expect(counts(result, "type")).toEqual({ document: 4, lesson: 5 });
      expect(counts(result, "lessonKind")).toEqual({
        pitfall: 1,
        do: 1,
        success_factor: 1,
        bottleneck: 1,
        dont: 1,
      });
      expect(counts(result, "theme")).toEqual({
        [THEMES.personeel.id]: 3,
        [THEMES.samenwerking.id]: 2,
        [THEMES.bestuur.id]: 2,
      });
      expect(counts(result, "case")).toEqual({ Lokeren: 3, "Sint-Niklaas": 3 });
      expect(counts(result, "isCentreCity")).toEqual({ true: 3, false: 3 });
      expect(counts(result, "outcome")).toEqual({ struggled: 3, succeeded: 3 });
      expect(counts(result, "status")).toEqual({ validated: 2, candidate: 2, in_handbook: 1 });
      expect(counts(result, "documentKind")).toEqual({ case: 6, meeting: 2, note: 1 });
      expect(result.facets.theme?.[0]).toEqual({ value: THEMES.personeel.id, count: 3 });
    });

    it("counts facets over the matches of the query only", async () => {
      const result = await index.search(query("dienstenwijzer", { facets: ["lessonKind", "documentKind"] }));
      expect(counts(result, "lessonKind")).toEqual({ pitfall: 1, dont: 1, do: 1 });
      expect(counts(result, "documentKind")).toEqual({ case: 3, meeting: 2 });
    });

    it.each([
      ["type", { type: ["document" as const] }, [dA1, dA2, dA3, dA4]],
      ["lessonKind (OR)", { lessonKind: ["pitfall" as const, "dont" as const] }, [lA1, lA5]],
      ["theme", { theme: [THEMES.bestuur.id] }, [lA3, lA4]],
      ["case", { case: ["Lokeren"] }, [dA1, lA1, lA2]],
      ["isCentreCity", { isCentreCity: [true] }, [dA2, lA3, lA4]],
      ["isCentreCity both", { isCentreCity: [true, false] }, [dA1, dA2, lA1, lA2, lA3, lA4]],
      ["outcome", { outcome: ["struggled" as const] }, [dA1, lA1, lA2]],
      ["status (OR)", { status: ["candidate" as const, "in_handbook" as const] }, [lA2, lA3, lA5]],
      ["documentKind", { documentKind: ["meeting" as const] }, [dA3, lA5]],
      ["theme AND status", { theme: [THEMES.personeel.id], status: ["validated" as const] }, [lA1, lA4]],
      [
        "lessonKind AND case with no overlap",
        { lessonKind: ["pitfall" as const], case: ["Sint-Niklaas"] },
        [],
      ],
    ])("filters on %s", async (_name, filters, expected) => {
      const result = await index.search(query("", { filters }));
      expect(idSet(result)).toEqual(new Set(expected.map((e) => e.id)));
      expect(result.total).toBe(expected.length);
    });

    it("filters together with a query", async () => {
      const result = await index.search(
        query("masterplan", { filters: { type: ["lesson"], theme: [THEMES.bestuur.id] } }),
      );
      expect(ids(result)).toEqual([lA4.id]);
    });

    it("returns highlighted snippets as safe HTML", async () => {
      const [hit] = (await index.search(query("werkwinkel", { filters: { type: ["lesson"] } }))).hits;
      expect(hit).toMatchObject({
        id: lA2.id,
        type: "lesson",
        documentId: dA1.id,
        title: dA1.title,
        lessonKind: "do",
      });
      expect(hit.snippet).toContain("<mark>werkwinkel</mark>");
      expect(hit.themes).toEqual([THEMES.samenwerking]);
      expect(hit).toMatchObject({
        caseName: "Lokeren",
        isCentreCity: false,
        outcome: "struggled",
        status: "candidate",
      });

      const [unsafe] = (await index.search(query("test"))).hits;
      expect(unsafe.id).toBe(lA5.id);
      expect(unsafe.snippet).toContain("<mark>test</mark>");
      expect(unsafe.snippet).toContain("&lt;b&gt;");
      expect(unsafe.snippet).toContain("&amp;");
      expect(unsafe.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);

      const [script] = (await index.search(query("veiligheid"))).hits;
      expect(script.id).toBe(dA4.id);
      expect(script.titleHtml).toBe("Notitie over <mark>veiligheid</mark>");
      expect(script.snippet).not.toContain("<script");
      expect(script.snippet).toContain("&lt;script&gt;");
    });

    it("marks matches in the title", async () => {
      const result = await index.search(query("klaverbladmodel", { filters: { type: ["document"] } }));
      expect(result.hits[0].titleHtml).toBe("<mark>Klaverbladmodel</mark> in Sint-Niklaas");
      expect(result.hits[0].title).toBe("Klaverbladmodel in Sint-Niklaas");
    });

    it("folds Dutch diacritics both ways", async () => {
      expect(idSet(await index.search(query("ideeen")))).toEqual(new Set([dA3.id, lA4.id]));
      expect(idSet(await index.search(query("ideeën")))).toEqual(new Set([dA3.id, lA4.id]));
      expect(idSet(await index.search(query("cooperatie")))).toEqual(new Set([dA3.id, lA3.id]));
      const [hit] = (await index.search(query("cooperatie", { filters: { type: ["lesson"] } }))).hits;
      expect(hit.snippet).toContain("<mark>coöperatie</mark>");
    });

    it("ignores Dutch stop words", async () => {
      const plain = await index.search(query("dienstenwijzer"));
      const withStopWords = await index.search(query("de dienstenwijzer van het"));
      expect(ids(withStopWords)).toEqual(ids(plain));
      expect(ids(await index.search(query("een masterplan")))).toEqual(
        ids(await index.search(query("masterplan"))),
      );
    });

    it("ranks a title hit above a body hit", async () => {
      const documents = ids(await index.search(query("dienstenwijzer", { filters: { type: ["document"] } })));
      expect(documents).toEqual([dA1.id, dA3.id]);
      const werkgroep = ids(await index.search(query("werkgroep")));
      expect(werkgroep).toContain(dA4.id);
      expect(werkgroep.indexOf(dA3.id)).toBeLessThan(werkgroep.indexOf(dA4.id));
    });

    it("pages with limit and offset", async () => {
      const first = await index.search(query("", { limit: 4, offset: 0 }));
      const second = await index.search(query("", { limit: 4, offset: 4 }));
      const third = await index.search(query("", { limit: 4, offset: 8 }));
      expect([first.total, second.total, third.total]).toEqual([9, 9, 9]);
      const seen = [...ids(first), ...ids(second), ...ids(third)];
      expect(seen).toHaveLength(9);
      expect(new Set(seen)).toEqual(idsOfA);
    });

    describe("never crosses workspaces", () => {
      it.each(["", "dienstenwijzer", "dienstenwijzr", "ideeen", "masterplan", "de", "gent"])(
        "query %j in workspace B finds B's entries only",
        async (q) => {
          const result = await index.search(query(q, { workspaceIds: [WS_B], facets: allFacets }));
          for (const id of ids(result)) expect(idsOfB.has(id)).toBe(true);
          expect(result.total).toBe(result.hits.length);
          expect((result.facets.documentKind ?? []).reduce((n, f) => n + f.count, 0)).toBe(result.total);
        },
      );

      it("with an empty query, lists the asked workspace and nothing else", async () => {
        expect(idSet(await index.search(query("")))).toEqual(idsOfA);
        expect(idSet(await index.search(query("", { workspaceIds: [WS_B] })))).toEqual(idsOfB);
        expect(idSet(await index.search(query("", { workspaceIds: [WS_A, WS_B] })))).toEqual(
          new Set([...idsOfA, ...idsOfB]),
        );
      });

      it("with filters naming another workspace's values", async () => {
        expect((await index.search(query("", { filters: { case: ["Gent"] } }))).total).toBe(0);
        expect(
          (await index.search(query("", { workspaceIds: [WS_B], filters: { theme: [THEMES.personeel.id] } })))
            .total,
        ).toBe(0);
        expect(
          (await index.search(query("", { workspaceIds: [WS_B], filters: { case: ["Lokeren"] } }))).total,
        ).toBe(0);
        const b = await index.search(
          query("dienstenwijzer", { workspaceIds: [WS_B], filters: { lessonKind: ["pitfall"] } }),
        );
        expect(ids(b)).toEqual([lB1.id]);
      });

      it("with no workspace at all, finds nothing", async () => {
        const result = await index.search(query("", { workspaceIds: [], facets: allFacets }));
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
      });

      it("with a workspace id that looks like a filter", async () => {
        const result = await index.search(
          query("", { workspaceIds: [`${WS_B}" OR workspaceId = "${WS_A}`] }),
        );
        expect(result.total).toBe(0);
      });
    });
  });
}
