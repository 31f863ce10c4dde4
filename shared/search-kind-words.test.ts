import { describe, expect, it } from "vitest";
import { readKindWords } from "./search-kind-words";

describe("readKindWords", () => {
  it.each([
    ["valkuil regisseur", ["pitfall"], "regisseur"],
    ["Valkuilen bij de regie", ["pitfall"], "bij de regie"],
    ["knelpunt loket", ["bottleneck"], "loket"],
    ["niet doen: te laat starten", ["dont"], "te laat starten"],
    ["Don’t overplan", ["dont"], "overplan"],
    ["success factors werkwinkel", ["success_factor"], "werkwinkel"],
    ["succesfactor", ["success_factor"], ""],
    ["doe en valkuil mandaat", ["do", "pitfall"], "en mandaat"],
    ["pitfall, regie", ["pitfall"], "regie"],
  ])("reads %j as kinds %j and text %j", (query, kinds, text) => {
    expect(readKindWords(query)).toEqual({ lessonKinds: kinds, q: text });
  });

  it("leaves words that only contain a kind word, and 'niet' alone, as text", () => {
    expect(readKindWords("valkuilvrij niet vergeten doeltreffend")).toEqual({
      lessonKinds: [],
      q: "valkuilvrij niet vergeten doeltreffend",
    });
  });

  it("reads an empty query as nothing", () => {
    expect(readKindWords("   ")).toEqual({ lessonKinds: [], q: "" });
  });
});
