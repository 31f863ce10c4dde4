import { describe, expect, it } from "vitest";
import {
  cleanText,
  escapeHtml,
  foldDiacritics,
  MARK_END,
  MARK_START,
  markersToHtml,
  tokenizeDutch,
  typosToMatch,
  withinEditDistance,
  wordMatchesToken,
} from "./dutch-text";

describe("dutch text", () => {
  it("folds diacritics and case", () => {
    expect(foldDiacritics("Ideeën over Coöperatie en één café")).toBe("ideeen over cooperatie en een cafe");
  });

  it("drops stop words but keeps negations", () => {
    expect(tokenizeDutch("De dienstenwijzer van het Masterplan werkt niet")).toEqual([
      "dienstenwijzer",
      "masterplan",
      "werkt",
      "niet",
    ]);
  });

  it("bounds the edit distance", () => {
    expect(withinEditDistance("dienstenwijzer", "dienstenwijzr", 1)).toBe(true);
    expect(withinEditDistance("dienstenwijzer", "dinstenwijzr", 1)).toBe(false);
    expect(withinEditDistance("abc", "abcdef", 2)).toBe(false);
  });

  it("matches prefixes and typos only in longer words", () => {
    expect(wordMatchesToken("dienstenwijzer", "dienstenw")).toBe(true);
    expect(wordMatchesToken("dienstenwijzer", "dienstenwijzr")).toBe(true);
    expect(wordMatchesToken("dienstenwijzer", "dienstnw")).toBe(true);
    expect(wordMatchesToken("plan", "plas")).toBe(false);
    expect(wordMatchesToken("werkwinkel", "klaverblad")).toBe(false);
  });

  it("counts typos against the whole word only for a complete word", () => {
    // "economie" is one typo from "economis", the start of "economisch" — not from the word itself.
    expect(typosToMatch("economisch", "economie")).toBe(1);
    expect(typosToMatch("economisch", "economie", true)).toBeUndefined();
    expect(typosToMatch("dienstenwijzer", "dienstenwijzr", true)).toBe(1);
  });

  it("escapes everything except the marks", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const marked = `<b>de ${MARK_START}dienst<i>${MARK_END} & meer`;
    expect(markersToHtml(marked)).toBe("&lt;b&gt;de <mark>dienst&lt;i&gt;</mark> &amp; meer");
    expect(markersToHtml(`${MARK_START}open`)).toBe("<mark>open</mark>");
  });

  it("strips control characters so text cannot forge a mark", () => {
    expect(cleanText(`a${MARK_START}b${MARK_END}c\nd`)).toBe("abc\nd");
  });
});
