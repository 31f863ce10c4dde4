import type { ComparisonMatrix } from "../../../shared/schemas/comparisons";
import { toCsv } from "../handbook/exporters/csv";
import { escapeMarkdown } from "../handbook/exporters/escape";
import { exportLabels, kindLabel, outcomeLabel } from "../handbook/labels";

type Case = ComparisonMatrix["cases"][number];

function caseName(c: Case): string {
  const outcome = c.outcome ? ` (${outcomeLabel[c.outcome]})` : "";
  return `${c.municipality ? `${c.municipality} — ` : ""}${c.title}${outcome}`;
}

/** The comparison as Markdown: a section per theme (crucial ones first and marked), a list per case. */
export function comparisonMarkdown(name: string, matrix: ComparisonMatrix): string {
  const lines = [`# ${escapeMarkdown(name)}`, "", `## ${exportLabels.cases}`, ""];
  for (const c of matrix.cases) lines.push(`- ${escapeMarkdown(caseName(c))}`);
  for (const row of matrix.rows) {
    const mark = row.crucial ? ` — **${exportLabels.crucial}**` : "";
    lines.push("", `## ${escapeMarkdown(row.theme.name)}${mark}`);
    row.cells.forEach((cell, i) => {
      lines.push("", `### ${escapeMarkdown(caseName(matrix.cases[i]))}`, "");
      if (cell.lessons.length === 0) lines.push(`- _${exportLabels.noLessons}_`);
      for (const l of cell.lessons) lines.push(`- **${kindLabel[l.kind]}:** ${escapeMarkdown(l.text)}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** The comparison as CSV: one row per theme, one column per case; a cell lists "Kind: text" per line. */
export function comparisonCsv(matrix: ComparisonMatrix): string {
  const header = [exportLabels.theme, exportLabels.crucial, ...matrix.cases.map(caseName)];
  const rows = matrix.rows.map((row) => [
    row.theme.name,
    row.crucial ? "ja" : "nee",
    ...row.cells.map((cell) => cell.lessons.map((l) => `${kindLabel[l.kind]}: ${l.text}`).join("\n")),
  ]);
  return toCsv([header, ...rows]);
}
