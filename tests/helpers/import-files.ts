import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";
import type { ApiAnswer } from "./api-client";
import type { TestServer } from "./test-server";

/** A 1×1 transparent PNG. */
export const tinyPng = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/**
 * A municipality's case description as Word writes it (built with the `docx` package): a title
 * heading, formatted text, a safe and a `javascript:` link, a nested bulleted list with a lesson
 * item, a "Valkuil:" paragraph, a table and an image.
 */
export async function caseDescriptionDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun("Casus Leuven: regie in de praktijk")],
          }),
          new Paragraph({
            children: [
              new TextRun("De stad nam de "),
              new TextRun({ text: "regierol", bold: true }),
              new TextRun(" op met "),
              new TextRun({ text: "alle partners", italics: true }),
              new TextRun(" en een "),
              new TextRun({ text: "vast overleg", underline: {} }),
              new TextRun(". Zie "),
              new ExternalHyperlink({
                link: "https://example.org/leuven",
                children: [new TextRun("de website")],
              }),
              new TextRun(" en "),
              new ExternalHyperlink({ link: "javascript:alert(1)", children: [new TextRun("deze link")] }),
              new TextRun("."),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("Aanpak")] }),
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun("Buurtgesprekken")] }),
          new Paragraph({ bullet: { level: 1 }, children: [new TextRun("in elke deelgemeente")] }),
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun("Knelpunt: geen vast budget voor de coördinator")],
          }),
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun("Een jaarlijkse evaluatie")] }),
          new Paragraph({ children: [new TextRun("Valkuil: de welzijnsraad te laat betrekken.")] }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("Partner")] }),
                  new TableCell({ children: [new Paragraph("Rol")] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("OCMW")] }),
                  new TableCell({ children: [new Paragraph("trekker")] }),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({ type: "png", data: tinyPng, transformation: { width: 10, height: 10 } }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A valid DOCX zip whose document part unpacks to `megabytes` MB of XML (compressed to a few hundred KB). */
export async function expandingDocx(megabytes: number): Promise<Uint8Array> {
  const zip = new JSZip();
  const real = await JSZip.loadAsync(await caseDescriptionDocx());
  for (const [name, entry] of Object.entries(real.files)) {
    if (!entry.dir && name !== "word/document.xml") zip.file(name, await entry.async("uint8array"));
  }
  const padding = " ".repeat(megabytes * 1024 * 1024);
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${padding}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Meeting minutes as people write them in Markdown: headings, a task list, a table, lesson lines, raw HTML. */
export const meetingMinutesMarkdown = `# Verslag themagroep 12 maart

**Aanwezig:** An, Bram, Chris
**Verontschuldigd:** Dirk

## Stand van zaken

De groep besprak de casus *Gent* en de [nota van het agentschap](https://example.org/nota.pdf).

1. Opening
2. Casus Gent
   1. toelichting
   2. vragen

- Doe: begin met een gedeelde probleemanalyse
- NIET DOEN: het plan vastleggen vóór het eerste overleg
- gewone opmerking

Succesfactor: een vaste trekker per deelgemeente

> "Regie is geen controle." — een deelnemer

| Actie | Wie | Tegen |
|---|---|---|
| Nota bijwerken | An | 1 april |
| Partners uitnodigen | Bram | 15 april |

## Acties

- [x] verslag rondsturen
- [ ] casus Leuven voorbereiden

<script>alert("xss")</script>
<img src="https://example.org/foto.jpg" alt="foto">
<a href="javascript:alert(1)">klik</a>
`;

/** Posts one file to the import route as `cookie`, with the given form fields (kind "note" by default). */
export async function postImport(
  app: TestServer,
  workspaceId: string,
  cookie: string | undefined,
  file: { name: string; bytes: Uint8Array | string },
  fields: Record<string, string> = { kind: "note" },
): Promise<ApiAnswer> {
  const form = new FormData();
  form.set("file", new File([file.bytes as BlobPart], file.name));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const res = await fetch(`${app.url}/api/workspaces/${workspaceId}/imports`, {
    method: "POST",
    headers: { ...(cookie ? { cookie } : {}), origin: app.url },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
