import type { Handbook, HandbookLesson, TextBlock } from "../../../../shared/schemas/handbook";
import { tableRows } from "../../../../shared/text-blocks";
import { citationText, type ExportWords, printedChapters } from "../labels";
import { escapeMarkdown as md } from "./escape";

function blockLines(block: TextBlock, baseLevel: number): string[] {
  switch (block.type) {
    case "heading":
      return [`${"#".repeat(Math.min(6, baseLevel + (block.level ?? 2) - 1))} ${md(block.text)}`, ""];
    case "quote":
      return [`> ${md(block.text)}`, ""];
    case "listItem":
      return [`- ${block.checked === undefined ? "" : block.checked ? "[x] " : "[ ] "}${md(block.text)}`];
    case "table": {
      // A GFM table: the first row is the header; cells are escaped (a "|" in a cell stays text).
      const { header, body } = tableRows(block);
      const row = (cells: readonly string[]) => `| ${cells.map((c) => md(c) || " ").join(" | ")} |`;
      return [row(header), `|${header.map(() => " --- |").join("")}`, ...body.map(row), ""];
    }
    default:
      return [md(block.text), ""];
  }
}

/** Paragraph breaks between a run of list items and what follows. */
function textLines(blocks: readonly TextBlock[], baseLevel: number): string[] {
  const lines: string[] = [];
  blocks.forEach((block, i) => {
    lines.push(...blockLines(block, baseLevel));
    if (block.type === "listItem" && blocks[i + 1]?.type !== "listItem") lines.push("");
  });
  return lines;
}

const lessonLine = (l: HandbookLesson, withKind: boolean, words: ExportWords) =>
  `- ${withKind ? `**${words.kind[l.kind]}:** ` : ""}${md(l.text)} — _${md(citationText(l.citation))}_`;

/**
 * The handbook as Markdown: title, table of contents, a `##` section per chapter with its text and a
 * `###` section per lesson kind, then the recommendations. Every piece of user text is escaped.
 */
export function handbookMarkdown(handbook: Handbook, words: ExportWords): string {
  const chapters = printedChapters(handbook);
  const recommendations = handbook.recommendations.length > 0;
  const lines = [`# ${md(handbook.title)}`, ""];
  if (handbook.subtitle) lines.push(md(handbook.subtitle), "");
  lines.push(`_${words.date(handbook.compiledAt)}_`, "");
  lines.push(`## ${words.contents}`, "");
  for (const c of chapters) lines.push(`${c.number}. ${md(c.theme.name)}`);
  if (recommendations) lines.push(`${chapters.length + 1}. ${words.recommendations}`);
  lines.push("");

  for (const c of chapters) {
    lines.push(`## ${c.number}. ${md(c.theme.name)}`, "", ...textLines(c.text, 3));
    for (const group of c.groups) {
      lines.push(
        `### ${words.kindHeading[group.kind]}`,
        "",
        ...group.lessons.map((l) => lessonLine(l, false, words)),
        "",
      );
    }
  }

  if (recommendations) lines.push(`## ${chapters.length + 1}. ${words.recommendations}`, "");
  for (const r of handbook.recommendations) {
    lines.push(`### ${md(r.title)}`, "", ...textLines(r.text, 4));
    lines.push(`**${words.evidence}.** ${words.backedBy(r.counts.cases, r.counts.lessons)}`, "");
    if (r.evidence.length) lines.push(...r.evidence.map((l) => lessonLine(l, true, words)), "");
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
