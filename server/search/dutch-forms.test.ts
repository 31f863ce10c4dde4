import { describe, expect, it } from "vitest";
import { compoundTails, dutchStem, isCompoundTail } from "./dutch-forms";

describe("dutchStem", () => {
  it.each([
    ["gemeente", "gemeenten"],
    ["gemeente", "gemeentes"],
    ["valkuil", "valkuilen"],
    ["initiatief", "initiatieven"],
    ["regisseur", "regisseurs"],
    ["mogelijkheid", "mogelijkheden"],
    ["plan", "plannen"],
    ["huis", "huizen"],
    ["bedrijf", "bedrijven"],
    ["economie", "economieen"],
    ["idee", "ideeen"],
    ["centrumstad", "centrumsteden"],
    ["stad", "steden"],
    ["bestuurslid", "bestuursleden"],
  ])("makes %j and %j one key", (singular, plural) => {
    expect(dutchStem(plural)).toBe(dutchStem(singular));
  });

  it("leaves short words and words being typed alone", () => {
    for (const w of ["regie", "doe", "loket", "proces", "zorg", "wijk"]) expect(dutchStem(w)).toBe(w);
  });
});

describe("compound tails", () => {
  it("lists the tails of a long word down to four letters", () => {
    expect(compoundTails("dienstenloket")).toEqual([
      "stenloket",
      "tenloket",
      "enloket",
      "nloket",
      "loket",
      "oket",
    ]);
    expect(compoundTails("regie")).toEqual([]);
  });

  it("tells a compound's tail from an inflection", () => {
    expect(isCompoundTail("diensteneconomie", "economie")).toBe(true);
    expect(isCompoundTail("gemeenten", "eenten")).toBe(false);
    expect(isCompoundTail("economie", "economie")).toBe(false);
  });
});
