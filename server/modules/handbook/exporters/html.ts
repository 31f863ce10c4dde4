import type { Handbook, HandbookLesson, TextBlock } from "../../../../shared/schemas/handbook";
import { checkBoxMark, tableRows } from "../../../../shared/text-blocks";
import { citationText, type ExportWords, printedChapters } from "../labels";
import { escapeHtml as h } from "./escape";

/** Inside the HTML export (it is opened from disk, away from the app's headers): no script, no outside resource. */
export const handbookHtmlCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const printCss = `
  @page { size: A4; margin: 2.2cm 2cm; }
  body { font-family: Georgia, "Times New Roman", serif; color: #1a1a1a; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
  .title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
  .title-page h1 { font-size: 2.4rem; margin: 0 0 1rem; }
  .toc ol { padding-left: 1.5rem; }
  .toc a { color: inherit; text-decoration: none; }
  .citation { color: #555; font-style: italic; }
  .kind { font-weight: bold; }
  blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 1rem; color: #444; }
  table { border-collapse: collapse; margin: 0 0 1rem; }
  th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
  th { background: #f1f1f1; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    .title-page { min-height: 24cm; page-break-after: always; break-after: page; }
    .toc { page-break-after: always; break-after: page; }
    section.chapter, section.recommendations { page-break-before: always; break-before: page; }
    h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
    li { page-break-inside: avoid; break-inside: avoid; }
  }
`;

function textHtml(blocks: readonly TextBlock[], baseLevel: number): string {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (block.type !== "listItem" && inList) {
      out.push("</ul>");
      inList = false;
    }
    if (block.type === "listItem") {
      if (!inList) out.push("<ul>");
      inList = true;
      out.push(`<li>${checkBoxMark(block)}${h(block.text)}</li>`);
    } else if (block.type === "table") {
      const { header, body } = tableRows(block);
      const cells = (row: readonly string[], tag: "th" | "td") =>
        row.map((c) => `<${tag}>${h(c)}</${tag}>`).join("");
      out.push(
        `<table>\n<thead><tr>${cells(header, "th")}</tr></thead>\n<tbody>\n${body
          .map((row) => `<tr>${cells(row, "td")}</tr>`)
          .join("\n")}\n</tbody>\n</table>`,
      );
    } else if (block.type === "heading") {
      const level = Math.min(6, baseLevel + (block.level ?? 2) - 1);
      out.push(`<h${level}>${h(block.text)}</h${level}>`);
    } else if (block.type === "quote") out.push(`<blockquote><p>${h(block.text)}</p></blockquote>`);
    else out.push(`<p>${h(block.text)}</p>`);
  }
  if (inList) out.push("</ul>");
  return out.join("\n");
}

const lessonItem = (l: HandbookLesson, withKind: boolean, words: ExportWords) =>
  `<li>${withKind ? `<span class="kind">${h(words.kind[l.kind])}:</span> ` : ""}${h(l.text)} <span class="citation">(${h(citationText(l.citation))})</span></li>`;

/**
 * The handbook as one self-contained, print-ready HTML page: title page, table of contents, chapters,
 * recommendations. Every piece of user text is escaped; the only links are the table of contents'
 * own anchors, and a Content-Security-Policy forbids scripts should anything slip through.
 */
export function handbookHtml(handbook: Handbook, words: ExportWords): string {
  const printed = printedChapters(handbook);
  const hasRecommendations = handbook.recommendations.length > 0;
  const recNumber = printed.length + 1;
  const toc = printed
    .map((c) => `<li><a href="#hoofdstuk-${c.number}">${h(c.theme.name)}</a></li>`)
    .concat(hasRecommendations ? [`<li><a href="#aanbevelingen">${h(words.recommendations)}</a></li>`] : [])
    .join("\n");
  const chapters = printed.map((c) =>
    [
      `<section class="chapter" id="hoofdstuk-${c.number}">`,
      `<h2>${c.number}. ${h(c.theme.name)}</h2>`,
      textHtml(c.text, 3),
      ...c.groups.map(
        (g) =>
          `<h3>${h(words.kindHeading[g.kind])}</h3>\n<ul>\n${g.lessons.map((l) => lessonItem(l, false, words)).join("\n")}\n</ul>`,
      ),
      "</section>",
    ].join("\n"),
  );
  const recommendations = handbook.recommendations.map((r) =>
    [
      `<article class="recommendation">`,
      `<h3>${h(r.title)}</h3>`,
      textHtml(r.text, 4),
      `<p><strong>${h(words.evidence)}.</strong> ${h(words.backedBy(r.counts.cases, r.counts.lessons))}</p>`,
      r.evidence.length ? `<ul>\n${r.evidence.map((l) => lessonItem(l, true, words)).join("\n")}\n</ul>` : "",
      "</article>",
    ].join("\n"),
  );
  return `<!doctype html>
<html lang="${h(words.htmlLang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(handbookHtmlCsp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(handbook.title)}</title>
<style>${printCss}</style>
</head>
<body>
<header class="title-page">
<h1>${h(handbook.title)}</h1>
${handbook.subtitle ? `<p class="subtitle">${h(handbook.subtitle)}</p>` : ""}
<p class="compiled"><time datetime="${h(handbook.compiledAt)}">${h(words.date(handbook.compiledAt))}</time></p>
</header>
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">${h(words.contents)}</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${chapters.join("\n")}
${
  hasRecommendations
    ? `<section class="recommendations" id="aanbevelingen">
<h2>${recNumber}. ${h(words.recommendations)}</h2>
${recommendations.join("\n")}
</section>`
    : ""
}
</main>
</body>
</html>
`;
}
