import type { ComparisonMatrix } from "../../../shared/schemas/comparisons";
import { toCsv } from "../handbook/exporters/csv";
import { escapeMarkdown } from "../handbook/exporters/escape";
import { caseWithOutcome, type ExportWords } from "../handbook/labels";

/** The comparison as Markdown: a section per theme (crucial ones first and marked), a list per case. */
export function comparisonMarkdown(name: string, matrix: ComparisonMatrix, words: ExportWords): string {
  const caseName = (c: ComparisonMatrix["cases"][number]) => caseWithOutcome(c, words);
  const lines = [`# ${escapeMarkdown(name)}`, "", `## ${words.cases}`, ""];
  for (const c of matrix.cases) lines.push(`- ${escapeMarkdown(caseName(c))}`);
  for (const row of matrix.rows) {
    const mark = row.crucial ? ` — **${words.crucial}**` : "";
    lines.push("", `## ${escapeMarkdown(row.theme.name)}${mark}`);
    row.cells.forEach((cell, i) => {
      lines.push("", `### ${escapeMarkdown(caseName(matrix.cases[i]))}`, "");
      if (cell.lessons.length === 0) lines.push(`- _${words.noLessons}_`);
      for (const l of cell.lessons) lines.push(`- **${words.kind[l.kind]}:** ${escapeMarkdown(l.text)}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** The comparison as CSV: one row per theme, one column per case; a cell lists "Kind: text" per line. */
export function comparisonCsv(matrix: ComparisonMatrix, words: ExportWords): string {
  const caseName = (c: ComparisonMatrix["cases"][number]) => caseWithOutcome(c, words);
  const header = [words.theme, words.crucial, ...matrix.cases.map(caseName)];
  const rows = matrix.rows.map((row) => [
    row.theme.name,
    row.crucial ? words.yes : words.no,
    ...row.cells.map((cell) => cell.lessons.map((l) => `${words.kind[l.kind]}: ${l.text}`).join("\n")),
  ]);
  return toCsv([header, ...rows]);
}
