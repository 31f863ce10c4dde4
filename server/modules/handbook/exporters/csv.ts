import { stripControlCharacters } from "./escape";

/** Characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field: a cell that could start a formula gets a leading apostrophe, then the field is
 * always quoted with inner quotes doubled (RFC 4180), so commas, quotes and line breaks stay inside.
 */
export function csvField(value: string): string {
  const clean = stripControlCharacters(value).replace(/\t/g, " ");
  const guarded = formulaStart.test(value) ? `'${clean}` : clean;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/** Rows to CSV text with CRLF line ends and a UTF-8 byte-order mark (so spreadsheets read the accents). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
