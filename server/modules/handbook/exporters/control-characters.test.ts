import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";
import { escapeHtml, escapeMarkdown } from "./escape";

const formula = '=HYPERLINK("http://evil.example","klik")';
const quotedFormula = '=HYPERLINK(""http://evil.example"",""klik"")';

/** Every C0 control character but tab, line feed and carriage return, and DEL. */
const dropped = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((ch) => !"\t\n\r".includes(ch)),
  "\u007f",
];

describe("control characters in exports: the guard sees what is written", () => {
  it("guards a formula behind control characters that the CSV field drops", () => {
    expect(csvField(`\u0007${formula}`)).toBe(`"'${quotedFormula}"`);
    for (const ch of dropped)
      expect(csvField(`${ch}${formula}`), `U+${ch.charCodeAt(0).toString(16)}`).toBe(`"'${quotedFormula}"`);
    expect(csvField("\u0000\u0001\u001f+1")).toBe(`"'+1"`);
    expect(csvField("\u007f-1")).toBe(`"'-1"`);
    expect(csvField("\u001b@SUM(A1)")).toBe(`"'@SUM(A1)"`);
  });

  it("guards a leading tab or carriage return, also behind dropped control characters", () => {
    expect(csvField("\tSUM(A1)")).toBe(`"' SUM(A1)"`);
    expect(csvField("\u0007\t=1+1")).toBe(`"' =1+1"`);
    expect(csvField("\r=1+1")).toBe(`"'\r=1+1"`);
    expect(csvField("\u0008\r=1+1")).toBe(`"'\r=1+1"`);
  });

  it("guards a formula after leading white space, which an import may trim", () => {
    expect(csvField("  =1+1")).toBe(`"'  =1+1"`);
    expect(csvField("\u00a0-1")).toBe(`"'\u00a0-1"`);
    expect(csvField("\u0007\n@cmd")).toBe(`"'\n@cmd"`);
  });

  it("writes no dropped control character and leaves plain text alone", () => {
    const field = csvField(`a${dropped.join("")}b`);
    expect(field).toBe('"ab"');
    expect(csvField("a=b")).toBe('"a=b"');
    expect(csvField("\u0007gewoon")).toBe('"gewoon"');
    const csv = toCsv([[`\u0007${formula}`, "\u0000-1"]]);
    expect(csv).toBe(`\uFEFF"'${quotedFormula}","'-1"\r\n`);
  });

  it("Markdown: control characters cannot hide a block start, and are not written", () => {
    expect(escapeMarkdown("\u0007- item")).toBe("\\- item");
    expect(escapeMarkdown("\u0000> quote")).toBe("\\> quote");
    expect(escapeMarkdown("\u001b 12. punt")).toBe("12\\. punt");
    expect(escapeMarkdown("\u0007=== kop")).toBe("\\=== kop");
    expect(escapeMarkdown(`a${dropped.join("")}b`)).toBe("ab");
  });

  it("HTML: control characters are not written", () => {
    expect(escapeHtml(`<b>${dropped.join("")}</b>`)).toBe("&lt;b&gt;&lt;/b&gt;");
    expect(escapeHtml("a\tb\nc")).toBe("a\tb\nc");
  });
});
