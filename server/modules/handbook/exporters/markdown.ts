import type { Handbook, HandbookLesson, TextBlock } from "../../../../shared/schemas/handbook";
import { citationText, exportLabels, kindHeading, kindLabel } from "../labels";
import { escapeMarkdown as md } from "./escape";

function blockLines(block: TextBlock, baseLevel: number): string[] {
  switch (block.type) {
    case "heading":
      return [`${"#".repeat(Math.min(6, baseLevel + (block.level ?? 2) - 1))} ${md(block.text)}`, ""];
    case "quote":
      return [`> ${md(block.text)}`, ""];
    case "listItem":
      return [`- ${md(block.text)}`];
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

const lessonLine = (l: HandbookLesson, withKind: boolean) =>
  `- ${withKind ? `**${kindLabel[l.kind]}:** ` : ""}${md(l.text)} — _${md(citationText(l.citation))}_`;

/**
 * The handbook as Markdown: title, table of contents, a `##` section per chapter with its text and a
 * `###` section per lesson kind, then the recommendations. Every piece of user text is escaped.
 */
export function handbookMarkdown(handbook: Handbook): string {
  const lines = [`# ${md(handbook.title)}`, ""];
  if (handbook.subtitle) lines.push(md(handbook.subtitle), "");
  lines.push(`## ${exportLabels.contents}`, "");
  for (const c of handbook.chapters) lines.push(`${c.number}. ${md(c.theme.name)}`);
  lines.push(`${handbook.chapters.length + 1}. ${exportLabels.recommendations}`, "");

  for (const c of handbook.chapters) {
    lines.push(`## ${c.number}. ${md(c.theme.name)}`, "", ...textLines(c.text, 3));
    for (const group of c.groups) {
      lines.push(`### ${kindHeading[group.kind]}`, "", ...group.lessons.map((l) => lessonLine(l, false)), "");
    }
  }

  lines.push(`## ${handbook.chapters.length + 1}. ${exportLabels.recommendations}`, "");
  for (const r of handbook.recommendations) {
    lines.push(`### ${md(r.title)}`, "", ...textLines(r.text, 4));
    lines.push(`**${exportLabels.evidence}.** ${exportLabels.backedBy(r.counts.cases, r.counts.lessons)}`, "");
    if (r.evidence.length) lines.push(...r.evidence.map((l) => lessonLine(l, true)), "");
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
