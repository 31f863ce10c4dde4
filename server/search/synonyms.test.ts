import { describe, expect, it } from "vitest";
import { SynonymMatcher } from "./synonyms";

const groups = [
  ["LDE", "lokale diensteneconomie"],
  ["BND", "buurt- en nabijheidsdiensten"],
  ["VVSG", "Vereniging van Vlaamse Steden en Gemeenten"],
];

describe("SynonymMatcher", () => {
  const matcher = new SynonymMatcher(groups);

  it("gives the other terms of a group whose abbreviation the text uses", async () => {
    expect(await matcher.expansionOf(["De LDE-projecten liepen vast."])).toBe(
      "LDE · lokale diensteneconomie",
    );
  });

  it("matches a phrase by its word stems, across case, accents and plural", async () => {
    expect(await matcher.expansionOf(["Drie Lokale Diensteneconomieën in de regio"])).toBe(
      "LDE · lokale diensteneconomie",
    );
    expect(await matcher.expansionOf(["buurt en nabijheidsdiensten"])).toBe(
      "BND · buurt- en nabijheidsdiensten",
    );
  });

  it("needs the words of a phrase next to each other, and in order", async () => {
    expect(await matcher.expansionOf(["lokale besturen en hun diensteneconomie"])).toBe("");
    expect(await matcher.expansionOf(["diensteneconomie lokale"])).toBe("");
  });

  it("looks in every text of an entry and gives each group once", async () => {
    expect(await matcher.expansionOf(["titel over de VVSG", "LDE en nog eens LDE", "de VVSG"])).toBe(
      "LDE · lokale diensteneconomie · VVSG · Vereniging van Vlaamse Steden en Gemeenten",
    );
  });

  it("does not match a word that only starts like a term", async () => {
    expect(await matcher.expansionOf(["bndx en ldes"])).toBe("");
  });

  it("is empty without groups, and ignores a term of stop words only", async () => {
    expect(new SynonymMatcher([]).empty).toBe(true);
    expect(new SynonymMatcher([["de", "het"]]).empty).toBe(true);
  });
});
