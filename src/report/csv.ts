import { neutraliseFormula, restoreFormula } from "./formula-guard.ts";
import { checkWithinLimits, type TableLimits } from "./table-limits.ts";

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/**
 * Writes rows as CSV that Excel opens correctly with Cyrillic and Kazakh text: UTF-8 BOM, CRLF line ends,
 * fields quoted when needed, text cells guarded against formulas. `null` is an empty field.
 *
 * @example
 * toCsv([["id", "answer"], ["r1", "=1+2"], ["r2", -5]]); // "\uFEFFid,answer\r\nr1,'=1+2\r\nr2,-5\r\n"
 */
export function toCsv(rows: (string | number | null)[][]): string {
  return BOM + rows.map((row) => `${row.map(formatField).join(",")}\r\n`).join("");
}

function formatField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Reads CSV text into rows of fields. Accepts a BOM, CRLF or LF line ends, quoted fields with line breaks and
 * doubled quotes, and `;` as the delimiter when the first line has `;` and no `,` (Excel in the Russian and
 * Kazakh locales saves so). Formula guards added by {@link toCsv} are removed. A final line end does not
 * start another row. With `limits`, reading stops with a {@link TableLimitError} at the first row or field
 * beyond them, so a file of millions of line ends or commas costs no more than the limits allow.
 */
export function parseCsv(
  text: string,
  limits: TableLimits = { rows: Number.POSITIVE_INFINITY, columns: Number.POSITIVE_INFINITY },
): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const delimiter = detectDelimiter(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  const endField = () => {
    checkWithinLimits(limits, rows.length + 1, row.length + 1);
    row.push(restoreFormula(field));
    field = "";
  };
  while (index < input.length) {
    const char = input[index]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (input[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) endField();
    else if (char === "\r" || char === "\n") {
      if (char === "\r" && input[index + 1] === "\n") index++;
      endField();
      rows.push(row);
      row = [];
    } else field += char;
    index++;
  }
  if (field.length > 0 || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function detectDelimiter(input: string): "," | ";" {
  const firstLine = input.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}
