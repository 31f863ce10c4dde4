import { describe, expect, it } from "vitest";
import { highlightAll, queryTokens, snippetOf } from "./snippet";

describe("snippet", () => {
  it("marks matches in the original spelling and escapes the rest", () => {
    const html = highlightAll("Ideeën <script> voor de dienstenwijzer", queryTokens("ideeen dienstenw"));
    expect(html).toBe("<mark>Ideeën</mark> &lt;script&gt; voor de <mark>dienstenwijzer</mark>");
  });

  it("crops around the first match with markers", () => {
    const words = Array.from({ length: 60 }, (_, i) => `woord${i}`);
    words[40] = "klaverbladmodel";
    const html = snippetOf(words.join(" "), queryTokens("klaverblad"), 10);
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("<mark>klaverbladmodel</mark>");
    expect(html.split(" ").length).toBeLessThanOrEqual(10);
  });

  it("starts at the beginning when nothing matches, and never marks stop words", () => {
    expect(snippetOf("De werkwinkel in Lokeren.", queryTokens("de masterplan"))).toBe(
      "De werkwinkel in Lokeren.",
    );
  });
});
