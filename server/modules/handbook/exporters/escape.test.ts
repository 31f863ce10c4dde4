import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";
import { escapeHtml, escapeMarkdown, safeFileName } from "./escape";

describe("export escaping", () => {
  it("escapes HTML so no tag or attribute survives", () => {
    expect(escapeHtml(`<script>alert(1)</script>`)).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeHtml(`<img src=x onerror=alert(1)>`)).not.toContain("<");
    expect(escapeHtml(`" onmouseover='x'`)).toBe("&quot; onmouseover=&#39;x&#39;");
  });

  it("escapes Markdown links, raw HTML and block starts", () => {
    expect(escapeMarkdown("[x](javascript:alert(1))")).toBe("\\[x\\](javascript:alert(1))");
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>");
    expect(escapeMarkdown("# kop\n- item")).toBe("\\# kop - item");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("  > quote")).toBe("\\> quote");
    expect(escapeMarkdown("12. punt")).toBe("12\\. punt");
    expect(escapeMarkdown("a\\b *c* _d_ `e` &amp;")).toBe("a\\\\b \\*c\\* \\_d\\_ \\`e\\` \\&amp;");
  });

  it("quotes every CSV field and guards formulas", () => {
    expect(csvField("gewoon")).toBe('"gewoon"');
    expect(csvField('zei "ja", toen')).toBe('"zei ""ja"", toen"');
    expect(csvField("=HYPERLINK(\"http://x\",\"y\")")).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const start of ["+", "-", "@"]) expect(csvField(`${start}1`)).toBe(`"'${start}1"`);
    expect(csvField("\tSUM(A1)")).toBe(`"' SUM(A1)"`);
    expect(toCsv([["a", "b"], ["c\nd", "e"]])).toBe('\uFEFF"a","b"\r\n"c\nd","e"\r\n');
  });

  it("makes ASCII file names", () => {
    expect(safeFileName('Handleiding "régie" <x>', "docx")).toBe("handleiding-regie-x.docx");
    expect(safeFileName("<<>>", "md")).toBe("export.md");
  });
});
