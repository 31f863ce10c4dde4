import { describe, expect, it } from "vitest";
import { TermDictionary } from "./term-dictionary";

describe("term dictionary", () => {
  const dictionary = new TermDictionary();
  for (const t of ["werkwinkel", "werkgroep", "werkt", "masterplan", "dienstenwijzer", "werkwinkel", "plan"])
    dictionary.add(t);

  it("keeps each word once", () => {
    expect(dictionary.size).toBe(6);
  });

  it("finds words by prefix and marks the exact one", () => {
    expect(dictionary.matches("werk").map((m) => m.term)).toEqual(["werkgroep", "werkt", "werkwinkel"]);
    expect(dictionary.matches("werkt").filter((m) => m.typos === 0)).toEqual([
      { term: "werkt", typos: 0, exact: true },
    ]);
  });

  it("tolerates typos in longer words only, never on the first letter", () => {
    expect(dictionary.matches("werkwinkal")).toEqual([{ term: "werkwinkel", typos: 1, exact: false }]);
    expect(dictionary.matches("dienstenwijzr")).toEqual([{ term: "dienstenwijzer", typos: 1, exact: false }]);
    expect(dictionary.matches("dienstnw")).toEqual([{ term: "dienstenwijzer", typos: 1, exact: false }]);
    expect(dictionary.matches("plam")).toEqual([]);
    expect(dictionary.matches("nasterplan")).toEqual([]);
  });
});

describe("term dictionary beyond its small list", () => {
  it("finds every word, in order, once many more words were added than the small list holds", () => {
    const dictionary = new TermDictionary();
    // Added out of order, with repeats, across several merges.
    const words = Array.from(
      { length: 10_000 },
      (_, i) => `w${String((i * 7919) % 10_000).padStart(5, "0")}`,
    );
    for (const w of words) dictionary.add(w);
    for (const w of words.slice(0, 500)) dictionary.add(w);
    expect(dictionary.size).toBe(10_000);
    const found = dictionary
      .matches("w0012")
      .filter((m) => m.typos === 0)
      .map((m) => m.term);
    expect(found).toEqual(Array.from({ length: 10 }, (_, i) => `w0012${i}`));
    expect(dictionary.matches("w09999")[0]).toEqual({ term: "w09999", typos: 0, exact: true });
  });
});

describe("term dictionary: Dutch word forms", () => {
  const dictionary = new TermDictionary();
  for (const t of [
    "initiatief",
    "initiatieven",
    "diensteneconomie",
    "economie",
    "dienstenloket",
    "gemeenten",
    "strijkateliers",
    "doelgroepwerknemer",
    "doelgroepwerknemers",
  ])
    dictionary.add(t);

  it("answers a word with its other forms, the typed one first", () => {
    const found = dictionary.matches("initiatieven");
    expect(found[0]).toEqual({ term: "initiatieven", typos: 0, exact: true });
    expect(found).toContainEqual({ term: "initiatief", typos: 0, exact: false });
    expect(dictionary.matches("gemeente")).toContainEqual({ term: "gemeenten", typos: 0, exact: false });
  });

  it("answers a word with the compounds it ends, counted as one typo", () => {
    expect(dictionary.matches("economie")).toEqual([
      { term: "economie", typos: 0, exact: true },
      { term: "diensteneconomie", typos: 1, exact: false },
    ]);
    expect(dictionary.matches("loket")).toEqual([{ term: "dienstenloket", typos: 1, exact: false }]);
  });

  it("finds a compound whose last part has another form than the query word", () => {
    expect(dictionary.matches("atelier")).toEqual([{ term: "strijkateliers", typos: 1, exact: false }]);
    for (const q of ["werknemer", "werknemers"])
      expect(dictionary.matches(q), q).toEqual([
        { term: "doelgroepwerknemer", typos: 1, exact: false },
        { term: "doelgroepwerknemers", typos: 1, exact: false },
      ]);
  });
});
