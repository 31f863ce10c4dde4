import type { ImportFormat, ImportRefusal } from "../../shared/schemas/imports";
import { docxToHtml } from "./docx-html";
import { type ConvertedDocument, htmlToLexical } from "./html-to-lexical";
import { ImportRefusedError } from "./import-refusal";
import { markdownToHtml } from "./markdown-html";

/** A file read as a document, or the reason it was refused (a plain value: it crosses the worker boundary). */
export type ImportConversion =
  | { ok: true; document: ConvertedDocument }
  | { ok: false; reason: ImportRefusal; detail: string };

/**
 * Reads a DOCX or Markdown file as a Lexical state. Runs headless Lexical and a DOM: call it on the
 * import worker, never on the event loop that serves the sockets.
 */
export async function convertImport(format: ImportFormat, bytes: Uint8Array): Promise<ImportConversion> {
  try {
    const document =
      format === "docx"
        ? await docxToHtml(bytes).then(({ html, ignored }) => htmlToLexical(html, { ignored }))
        : htmlToLexical(markdownToHtml(bytes));
    if (!document.hasText) return { ok: false, reason: "empty", detail: "the file holds no text" };
    return { ok: true, document };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { ok: false, reason: error.reason, detail: error.detail };
    // mammoth throws on a zip without the parts it needs, or XML it cannot parse.
    if (format === "docx")
      return { ok: false, reason: "corrupt", detail: "the file is not a readable Word document" };
    throw error;
  }
}
