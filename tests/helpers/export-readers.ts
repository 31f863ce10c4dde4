import { strFromU8, unzipSync } from "fflate";
import { expect } from "vitest";

/** Readers of what an export wrote, for tests: its Markdown blocks, a section of them, a DOCX's paragraphs. */
export type MdBlock = { type: string; text: string };

/** A small Markdown block reader for the test: headings, list items (bullet or numbered), paragraphs; escapes undone. */
export function parseMarkdown(text: string): MdBlock[] {
  const inline = (s: string) =>
    s
      .replace(/(?<!\\)\*\*(.*?)(?<!\\)\*\*/g, "$1")
      .replace(/(?<!\\)_(.*?)(?<!\\)_/g, "$1")
      .replace(/\\(.)/g, "$1");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const heading = /^(#{1,6}) (.*)$/.exec(line);
      if (heading) return { type: `h${heading[1].length}`, text: inline(heading[2]) };
      if (line.startsWith("- ")) return { type: "li", text: inline(line.slice(2)) };
      if (/^\d+\. /.test(line)) return { type: "ol", text: inline(line) };
      return { type: "p", text: inline(line) };
    });
}

/** The blocks after an h2 with this text, up to the next h2. */
export function sectionAfter(blocks: MdBlock[], h2: string): MdBlock[] {
  const start = blocks.findIndex((b) => b.type === "h2" && b.text === h2);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = blocks.findIndex((b, i) => i > start && b.type === "h2");
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

/** The paragraphs of word/document.xml with their style and text, entities decoded. */
export function docxParagraphs(bytes: Uint8Array): Array<{ style: string; text: string }> {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? "",
    text: decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => t[1]).join("")),
  }));
}
