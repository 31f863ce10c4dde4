import JSZip from "jszip";
import mammoth from "mammoth";
import { IMPORT_LIMITS } from "../../shared/schemas/imports";
import { ImportRefusedError } from "./import-refusal";

/** Word styles mammoth does not map by default, mapped to the blocks the editor has. */
const STYLE_MAP = [
  "u => u",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

export interface DocxHtml {
  html: string;
  /** Word content mammoth read past (text boxes, fields, comments…). */
  ignored: number;
}

/**
 * A DOCX as semantic HTML (mammoth maps Word styles to headings, lists, tables…). Before mammoth
 * unpacks anything, every part is unpacked here with a running count, so a zip whose XML expands
 * past IMPORT_LIMITS.maxUnpackedBytes is refused without being held in memory; declared sizes are
 * not trusted. Images are not embedded (the app does not store them yet): mammoth gets an empty
 * source for each, and the DOM conversion counts and drops them.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<DocxHtml> {
  const zip = await openZip(bytes);
  if (!zip.file("word/document.xml"))
    throw new ImportRefusedError(
      zip.file("EncryptedPackage") ? "password_protected" : "corrupt",
      zip.file("EncryptedPackage") ? "the file is password protected" : "the file is not a Word document",
    );
  let budget = IMPORT_LIMITS.maxUnpackedBytes;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    budget -= await unpackWithin(entry, budget);
  }
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
    },
  );
  const ignored = result.messages.filter((m) => m.type === "warning" && /ignored/i.test(m.message)).length;
  return { html: result.value, ignored };
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    if (/encrypt/i.test(String(error)))
      throw new ImportRefusedError("password_protected", "the file is password protected");
    throw new ImportRefusedError("corrupt", "the file is not a readable Word document");
  }
}

/** Unpacks one part, counting; refuses as soon as the count passes `budget`. Its unpacked size. */
function unpackWithin(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let done = false;
    const stream = entry.nodeStream("nodebuffer");
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      stream.removeAllListeners("data");
      stream.pause();
      if (error) reject(error);
      else resolve(size);
    };
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget)
        finish(
          new ImportRefusedError(
            "expands_too_far",
            `the file unpacks to more than ${IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024} MB`,
          ),
        );
    });
    stream.on("error", () =>
      finish(new ImportRefusedError("corrupt", "the file is not a readable Word document")),
    );
    stream.on("end", () => finish());
  });
}
