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
