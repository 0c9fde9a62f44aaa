import type { CellValue, Workbook } from "exceljs";
import { neutraliseFormula, restoreFormula } from "./formula-guard.ts";
import { uniqueSheetNames } from "./sheet-names.ts";
import { checkWithinLimits, type TableLimits } from "./table-limits.ts";

/** A cell as the workbook functions take and give it: text, a number, or empty. */
export type SheetCell = string | number | null;

/** One worksheet to write. */
export interface SheetInput {
  name: string;
  rows: SheetCell[][];
  /** The first row is a header: bold and frozen. Defaults to true. */
  header?: boolean;
  /** Widths in characters, by column; columns without one are sized to their content. */
  columnWidths?: number[];
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * Writes an .xlsx workbook. Sheet names are made valid and unique, text cells are guarded against formulas,
 * numbers stay numbers and `null` leaves a cell empty.
 *
 * @example
 * const xlsx = await buildWorkbook([{ name: "Жауаптар", rows: [["id", "wave"], ["r1", 1]] }]);
 */
export async function buildWorkbook(sheets: SheetInput[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const names = uniqueSheetNames(sheets.map((sheet) => sheet.name));
  sheets.forEach((sheet, index) => {
    const header = sheet.header ?? true;
    const worksheet = workbook.addWorksheet(names[index], {
      views: header ? [{ state: "frozen", ySplit: 1 }] : [],
    });
    for (const row of sheet.rows) {
      worksheet.addRow(row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell)));
    }
    if (header && sheet.rows.length > 0) worksheet.getRow(1).font = { bold: true };
    const widths = contentWidths(sheet.rows);
    const columns = Math.max(widths.length, sheet.columnWidths?.length ?? 0);
    for (let column = 0; column < columns; column++) {
      worksheet.getColumn(column + 1).width = sheet.columnWidths?.[column] ?? widths[column] ?? MIN_WIDTH;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads every worksheet of an .xlsx file as rows of plain strings and numbers; `rows[i]` is spreadsheet row
 * i + 1, and empty cells are `null`. Formulas are never evaluated: a cell gives its cached result, or the
 * formula text when there is none. Rich text is flattened; formula guards are removed from text cells.
 * Only cells that exist are visited; with `limits`, a cell beyond them throws a {@link TableLimitError}.
 */
export async function readWorkbook(
  buffer: Buffer,
  limits: TableLimits = { rows: Number.POSITIVE_INFINITY, columns: Number.POSITIVE_INFINITY },
): Promise<{ name: string; rows: SheetCell[][] }[]> {
  const workbook = await newWorkbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetCell[][] = [];
    worksheet.eachRow((row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell((cell, column) => {
        checkWithinLimits(limits, rowNumber, column);
        cells[column - 1] = plainValue(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
    });
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

async function newWorkbook(): Promise<Workbook> {
  // Loaded on first use, like the chart libraries: exceljs adds noticeably to start-up.
  const { default: ExcelJS } = await import("exceljs");
  return new ExcelJS.Workbook();
}

function plainValue(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return restoreFormula(value);
  if (typeof value === "boolean" || value instanceof Date) return scalarText(value);
  if ("richText" in value) return restoreFormula(value.richText.map((part) => part.text).join(""));
  if ("hyperlink" in value) return restoreFormula(flatText(value.text));
  if ("error" in value) return value.error;
  const result = value.result;
  if (result === undefined || result === null) return `=${value.formula ?? ""}`;
  if (typeof result === "number" || typeof result === "string") return result;
  if (typeof result === "boolean" || result instanceof Date) return scalarText(result);
  return result.error;
}

/** Hyperlink text is rich text in some files although the typings say string. */
function flatText(text: unknown): string {
  if (typeof text === "string") return text;
  const parts = (text as { richText?: { text: string }[] } | null)?.richText;
  return parts ? parts.map((part) => part.text).join("") : String(text ?? "");
}

function scalarText(value: boolean | Date): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function contentWidths(rows: SheetCell[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      const longest = Math.max(
        0,
        ...String(cell ?? "")
          .split("\n")
          .map((line) => [...line].length),
      );
      widths[column] = Math.max(widths[column] ?? MIN_WIDTH, Math.min(MAX_WIDTH, longest + 2));
    });
  }
  return widths;
}
