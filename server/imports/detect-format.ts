import { IMPORT_LIMITS, type ImportFormat } from "../../shared/schemas/imports";
import { ImportRefusedError } from "./import-refusal";

/** The first bytes of a zip file (a DOCX is one). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of an OLE compound file: how Office stores an encrypted (password protected) DOCX. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * Which reader a file goes to, by its name and its first bytes together: a `.docx` must be a zip, a
 * `.md` must not be one. Refuses what is too large, of another type, or an encrypted Office file.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes)
    throw new ImportRefusedError(
      "too_large",
      `the file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`,
    );
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === "docx") {
    if (startsWith(bytes, OLE_MAGIC))
      throw new ImportRefusedError("password_protected", "the file is password protected");
    if (!startsWith(bytes, ZIP_MAGIC))
      throw new ImportRefusedError("corrupt", "the file is not a readable Word document");
    return "docx";
  }
  if (extension === "md" || extension === "markdown") {
    if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC))
      throw new ImportRefusedError("not_text", "the file is not Markdown text");
    return "markdown";
  }
  throw new ImportRefusedError(
    "unsupported_type",
    "only Word (.docx) and Markdown (.md) files can be imported",
  );
}
