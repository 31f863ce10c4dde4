import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Handbook, HandbookLesson, TextBlock } from "../../../../shared/schemas/handbook";
import { citationText, exportLabels, kindHeading, kindLabel } from "../labels";
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
  new Paragraph({ heading: headingLevels[Math.min(6, level) - 1], pageBreakBefore, children: [new TextRun(clean(text))] });

function textParagraphs(blocks: readonly TextBlock[], baseLevel: number): Paragraph[] {
  return blocks.map((block) => {
    if (block.type === "heading") return heading(baseLevel + (block.level ?? 2) - 1, block.text);
    if (block.type === "listItem") return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(clean(block.text))] });
    if (block.type === "quote") return new Paragraph({ style: "Quote", children: [new TextRun(clean(block.text))] });
    return new Paragraph({ children: [new TextRun(clean(block.text))] });
  });
}

const lessonParagraph = (l: HandbookLesson, withKind: boolean) =>
  new Paragraph({
    bullet: { level: 0 },
    children: [
      ...(withKind ? [new TextRun({ text: `${kindLabel[l.kind]}: `, bold: true })] : []),
      new TextRun(clean(l.text)),
      new TextRun({ text: ` (${clean(citationText(l.citation))})`, italics: true }),
    ],
  });

/**
 * The handbook as a Word document (the `docx` library writes the XML and escapes text): title page,
 * table of contents, a chapter per theme on a new page, then the recommendations. Text runs only —
 * no hyperlinks, fields or embedded objects are created from user content.
 */
export async function handbookDocx(handbook: Handbook): Promise<Uint8Array> {
  const recNumber = handbook.chapters.length + 1;
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(handbook.title))] }),
    ...(handbook.subtitle ? [new Paragraph({ children: [new TextRun(clean(handbook.subtitle))] })] : []),
    new Paragraph({ children: [new TextRun(handbook.compiledAt.slice(0, 10))] }),
    heading(1, exportLabels.contents, true),
    ...handbook.chapters.map((c) => new Paragraph({ children: [new TextRun(`${c.number}. ${clean(c.theme.name)}`)] })),
    new Paragraph({ children: [new TextRun(`${recNumber}. ${exportLabels.recommendations}`)] }),
  ];
  for (const c of handbook.chapters) {
    children.push(heading(1, `${c.number}. ${c.theme.name}`, true), ...textParagraphs(c.text, 2));
    for (const g of c.groups) children.push(heading(2, kindHeading[g.kind]), ...g.lessons.map((l) => lessonParagraph(l, false)));
  }
  children.push(heading(1, `${recNumber}. ${exportLabels.recommendations}`, true));
  for (const r of handbook.recommendations) {
    children.push(heading(2, r.title), ...textParagraphs(r.text, 3));
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${exportLabels.evidence}. `, bold: true }),
          new TextRun(exportLabels.backedBy(r.counts.cases, r.counts.lessons)),
        ],
      }),
      ...r.evidence.map((l) => lessonParagraph(l, true)),
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
