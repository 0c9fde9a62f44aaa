import { parseCsv } from "../report/csv.ts";
import { TableLimitError } from "../report/table-limits.ts";
import { readWorkbook } from "../report/xlsx.ts";
import { IMPORT_LIMITS, type ImportLimits, type ImportRefusal } from "./import-limits.ts";
import { cellText, type InterchangeCell } from "./interchange-cells.ts";
import { checkWorkbookZip } from "./workbook-zip-check.ts";

/** One table of a file: a worksheet (named) or the whole of a CSV file (no name). */
export interface Table {
  sheet?: string;
  rows: InterchangeCell[][];
}

/** The tables, a problem the coordinator can correct, or a refusal of a file too large to read. */
export type TableFile =
  | { ok: true; tables: Table[] }
  | { ok: false; problem: string }
  | { ok: false; refusal: ImportRefusal };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const NOT_A_WORKBOOK = "the file could not be read as an Excel workbook (.xlsx)";

/**
 * Reads the interchange tables of an uploaded file, telling .xlsx from CSV by its content rather than its
 * name. In a workbook only the sheets whose first row has a `respondent_id` column are tables of responses,
 * so an exported workbook (codebook and summary sheets included) can be read back as it is. A file beyond the
 * limits is refused as soon as that shows: a workbook by its zip container and its sheets' declared extent
 * before it is loaded, a CSV file at the first row or field beyond them. Run it through
 * {@link readTableFileIsolated} wherever a slow or huge file must not hold up anything else.
 *
 * @example
 * await readTableFile(readFileSync("paper.csv")); // { ok: true, tables: [{ rows: [["respondent_id", …], …] }] }
 */
export async function readTableFile(bytes: Uint8Array, limits = IMPORT_LIMITS): Promise<TableFile> {
  if (bytes.length > limits.fileBytes) return { ok: false, refusal: "file_size" };
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return {
      ok: false,
      problem:
        "this is an old Excel .xls file; save it as an .xlsx workbook or as “CSV UTF-8” and send it again",
    };
  }
  try {
    return startsWith(bytes, ZIP_SIGNATURE) ? await readXlsx(bytes, limits) : readCsv(bytes, limits);
  } catch (error) {
    if (error instanceof TableLimitError) return { ok: false, refusal: error.exceeded };
    throw error;
  }
}

function readCsv(bytes: Uint8Array, limits: ImportLimits): TableFile {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: "the file is not UTF-8 text; save it from Excel as “CSV UTF-8” and send it again",
    };
  }
  return { ok: true, tables: [{ rows: parseCsv(text, limits) }] };
}

async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<TableFile> {
  const file = await readWorkbookTables(bytes, limits);
  if (!file.ok) return file;
  const tables = file.tables.filter((table) =>
    (table.rows[0] ?? []).some((cell) => cellText(cell) === "respondent_id"),
  );
  return tables.length > 0
    ? { ok: true, tables }
    : { ok: false, problem: "no sheet of the workbook has a “respondent_id” column in its first row" };
}

/**
 * Every worksheet of an .xlsx file as a named table, with the limits {@link readTableFile} applies: a file
 * beyond them is refused by its zip container and its sheets' declared extent before it is loaded.
 *
 * @example
 * await readWorkbookTables(readFileSync("form.xlsx")); // { ok: true, tables: [{ sheet: "survey", rows: … }, …] }
 */
export async function readWorkbookTables(bytes: Uint8Array, limits = IMPORT_LIMITS): Promise<TableFile> {
  if (bytes.length > limits.fileBytes) return { ok: false, refusal: "file_size" };
  if (!startsWith(bytes, ZIP_SIGNATURE)) return { ok: false, problem: NOT_A_WORKBOOK };
  const buffer = Buffer.from(bytes);
  const refusal = await checkWorkbookZip(buffer, limits);
  if (refusal) return { ok: false, refusal };
  try {
    const sheets = await readWorkbook(buffer, limits);
    return { ok: true, tables: sheets.map((sheet) => ({ sheet: sheet.name, rows: sheet.rows })) };
  } catch (error) {
    if (error instanceof TableLimitError) return { ok: false, refusal: error.exceeded };
    return { ok: false, problem: NOT_A_WORKBOOK };
  }
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}
