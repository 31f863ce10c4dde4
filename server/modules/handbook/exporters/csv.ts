import { stripControlCharacters } from "./escape";

/**
 * A start that makes a spreadsheet read a cell as a formula (OWASP: CSV injection): = + - @, also
 * after leading white space (an import may trim it), and a leading tab or carriage return.
 */
const formulaStart = /^[\t\r]|^\s*[=+\-@]/;

/**
 * One CSV field: control characters are dropped first and the formula guard looks at what remains,
 * so nothing dropped can hide a formula behind it; a cell that could start a formula gets a leading
 * apostrophe, then the field is always quoted with inner quotes doubled (RFC 4180), so commas,
 * quotes and line breaks stay inside.
 */
export function csvField(value: string): string {
  const written = stripControlCharacters(value);
  const guarded = formulaStart.test(written) ? `'${written}` : written;
  return `"${guarded.replace(/\t/g, " ").replace(/"/g, '""')}"`;
}

/** Rows to CSV text with CRLF line ends and a UTF-8 byte-order mark (so spreadsheets read the accents). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
