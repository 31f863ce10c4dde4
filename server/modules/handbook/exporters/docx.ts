import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Handbook, HandbookLesson, TextBlock } from "../../../../shared/schemas/handbook";
import { checkBoxMark } from "../../../../shared/text-blocks";
import { citationText, type ExportWords, printedChapters } from "../labels";
import { stripControlCharacters as clean } from "./escape";

export const docxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const heading = (level: number, text: string, pageBreakBefore = false) =>
  new Paragraph({
    heading: headingLevels[Math.min(6, level) - 1],
    pageBreakBefore,
    children: [new TextRun(clean(text))],
  });

/** A table of text cells; the first row is the header (bold, repeated on every page). */
function textTable(rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: row.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text: clean(cell), bold: r === 0 })] })],
              }),
          ),
        }),
    ),
  });
}

function textParagraphs(blocks: readonly TextBlock[], baseLevel: number): Array<Paragraph | Table> {
  return blocks.map((block) => {
    if (block.type === "heading") return heading(baseLevel + (block.level ?? 2) - 1, block.text);
    if (block.type === "table") return textTable(block.rows ?? []);
    if (block.type === "listItem") {
      return new Paragraph({
        bullet: { level: 0 },
        children: [new TextRun(clean(`${checkBoxMark(block)}${block.text}`))],
      });
    }
    if (block.type === "quote")
      return new Paragraph({ style: "Quote", children: [new TextRun(clean(block.text))] });
    return new Paragraph({ children: [new TextRun(clean(block.text))] });
  });
}

const lessonParagraph = (l: HandbookLesson, withKind: boolean, words: ExportWords) =>
  new Paragraph({
    bullet: { level: 0 },
    children: [
      ...(withKind ? [new TextRun({ text: `${words.kind[l.kind]}: `, bold: true })] : []),
      new TextRun(clean(l.text)),
      new TextRun({ text: ` (${clean(citationText(l.citation))})`, italics: true }),
    ],
  });

/**
 * The handbook as a Word document (the `docx` library writes the XML and escapes text): title page,
 * table of contents, a chapter per theme on a new page, then the recommendations. Text runs only —
 * no hyperlinks, fields or embedded objects are created from user content.
 */
export async function handbookDocx(handbook: Handbook, words: ExportWords): Promise<Uint8Array> {
  const chapters = printedChapters(handbook);
  const hasRecommendations = handbook.recommendations.length > 0;
  const recNumber = chapters.length + 1;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(handbook.title))] }),
    ...(handbook.subtitle ? [new Paragraph({ children: [new TextRun(clean(handbook.subtitle))] })] : []),
    new Paragraph({ children: [new TextRun(words.date(handbook.compiledAt))] }),
    heading(1, words.contents, true),
    ...chapters.map((c) => new Paragraph({ children: [new TextRun(`${c.number}. ${clean(c.theme.name)}`)] })),
    ...(hasRecommendations
      ? [new Paragraph({ children: [new TextRun(`${recNumber}. ${words.recommendations}`)] })]
      : []),
  ];
  for (const c of chapters) {
    children.push(heading(1, `${c.number}. ${c.theme.name}`, true), ...textParagraphs(c.text, 2));
    for (const g of c.groups) {
      children.push(
        heading(2, words.kindHeading[g.kind]),
        ...g.lessons.map((l) => lessonParagraph(l, false, words)),
      );
    }
  }
  if (hasRecommendations) children.push(heading(1, `${recNumber}. ${words.recommendations}`, true));
  for (const r of handbook.recommendations) {
    children.push(heading(2, r.title), ...textParagraphs(r.text, 3));
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${words.evidence}. `, bold: true }),
          new TextRun(words.backedBy(r.counts.cases, r.counts.lessons)),
        ],
      }),
      ...r.evidence.map((l) => lessonParagraph(l, true, words)),
    );
  }
  const doc = new Document({
    title: clean(handbook.title),
    creator: "Themawerk",
    // The default template has no quote style; chapter text uses one.
    styles: {
      paragraphStyles: [
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, color: "555555" },
          paragraph: { indent: { left: 720 } },
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
