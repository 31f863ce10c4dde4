import type { SearchFacetName } from "../../../shared/schemas/search";
import type { IndexedRecord } from "../indexed-record";
import { toFacetCounts } from "../search-index";
import type { FacetCount } from "../search-index";

export const facetNames: readonly SearchFacetName[] = [
  "type",
  "lessonKind",
  "theme",
  "case",
  "isCentreCity",
  "outcome",
  "status",
  "documentKind",
];

/** An entry's values per facet (in facetNames order), as small integer codes. */
export type FacetCodes = number[][];

/** Where a facet sits in FacetCodes. */
export const facetIndex = Object.fromEntries(facetNames.map((f, i) => [f, i])) as Record<
  SearchFacetName,
  number
>;

function valuesOf(record: IndexedRecord, facet: SearchFacetName): string[] {
  const one = (v: string | boolean | undefined) => (v === undefined ? [] : [String(v)]);
  switch (facet) {
    case "type":
      return [record.type];
    case "lessonKind":
      return one(record.lessonKind);
    case "theme":
      return record.themeIds;
    case "case":
      return one(record.caseName);
    case "isCentreCity":
      return one(record.isCentreCity);
    case "outcome":
      return one(record.outcome);
    case "status":
      return one(record.status);
    case "documentKind":
      return [record.documentKind];
  }
}

/**
 * Facet and filter values interned as integers, so filtering is a Set lookup and counting is an
 * array increment — the embedded engine counts facets over up to every entry of a workspace.
 */
export class FacetValues {
  private readonly codes = new Map<SearchFacetName, Map<string, number>>(
    facetNames.map((f) => [f, new Map()]),
  );
  private readonly names = new Map<SearchFacetName, string[]>(facetNames.map((f) => [f, []]));

  /** The codes of a record's values, interning new values. */
  encode(record: IndexedRecord): FacetCodes {
    const encoded: FacetCodes = [];
    for (const facet of facetNames) {
      const codes = this.codes.get(facet)!;
      const names = this.names.get(facet)!;
      encoded[facetIndex[facet]] = valuesOf(record, facet).map((value) => {
        let code = codes.get(value);
        if (code === undefined) {
          code = names.length;
          codes.set(value, code);
          names.push(value);
        }
        return code;
      });
    }
    return encoded;
  }

  /** The codes of filter values; values never indexed get no code (and so match nothing). */
  lookup(facet: SearchFacetName, values: readonly (string | boolean)[]): Set<number> {
    const codes = this.codes.get(facet)!;
    const found = new Set<number>();
    for (const value of values) {
      const code = codes.get(String(value));
      if (code !== undefined) found.add(code);
    }
    return found;
  }

  /** An empty tally for one facet. */
  tally(facet: SearchFacetName): Int32Array {
    return new Int32Array(this.names.get(facet)!.length);
  }

  /** Turns a tally back into named counts. */
  counts(facet: SearchFacetName, tally: Int32Array): FacetCount[] {
    const names = this.names.get(facet)!;
    const distribution: Record<string, number> = {};
    tally.forEach((count, code) => {
      if (count > 0) distribution[names[code]] = count;
    });
    return toFacetCounts(distribution);
  }
}
