import { Marked } from "marked";
import { ImportRefusedError } from "./import-refusal";

const markdown = new Marked({ gfm: true, async: false });

/**
 * Markdown (CommonMark with GitHub's tables and task lists) as HTML. The text must be UTF-8 (a byte
 * order mark is allowed). Raw HTML in the file passes through here and is reduced to what the
 * editor holds by the DOM conversion, like any other HTML.
 */
export function markdownToHtml(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRefusedError("not_text", "the file is not UTF-8 text");
  }
  if (text.includes("\u0000")) throw new ImportRefusedError("not_text", "the file is not Markdown text");
  if (text.trim() === "") throw new ImportRefusedError("empty", "the file holds no text");
  // marked recurses per nesting level: a line indented or quoted hundreds of levels deep is refused first.
  if (/^[ \t>]{257,}/m.test(text))
    throw new ImportRefusedError("too_complex", "the file is nested too deeply or has too many parts");
  return markdown.parse(text) as string;
}
