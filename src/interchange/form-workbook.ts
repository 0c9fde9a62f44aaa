import type { FormSheets } from "../questionnaire/xlsform/form-reader.ts";
import { SURVEY } from "../questionnaire/xlsform/survey-sheet.ts";
import type { ImportRefusal } from "./import-limits.ts";
import { cellText } from "./interchange-cells.ts";
import { readWorkbookTables, type TableFile } from "./read-table-file.ts";
import { readTableFileIsolated } from "./read-table-file-isolated.ts";

export type FormWorkbook =
  | { ok: true; sheets: FormSheets }
  | { ok: false; problem: string }
  | { ok: false; refusal: ImportRefusal };

/**
 * The sheets of an XLSForm workbook as rows of cell texts, as the form reader takes them, with the limits an
 * upload has.
 *
 * @example
 * const workbook = await readFormWorkbook(readFileSync("employment.xlsx"));
 * if (workbook.ok) readXlsForm(workbook.sheets);
 */
export async function readFormWorkbook(bytes: Uint8Array): Promise<FormWorkbook> {
  return formSheets(await readWorkbookTables(bytes));
}

/**
 * {@link readFormWorkbook} in a worker with the import's heap and time limits, for a file someone sent: a
 * hostile workbook costs the bot no more than a hostile import does.
 *
 * @example
 * await readFormWorkbookIsolated(bytes); // { ok: false, refusal: "unpacked" } for a zip bomb
 */
export async function readFormWorkbookIsolated(bytes: Uint8Array): Promise<FormWorkbook> {
  return formSheets(await readTableFileIsolated(bytes, undefined, "workbook"));
}

/** A workbook with a `survey` sheet is a questionnaire form (XLSForm), not a table of responses. */
export function isFormWorkbook(sheets: FormSheets): boolean {
  return Object.keys(sheets).some((name) => name.trim().toLowerCase() === SURVEY);
}

function formSheets(file: TableFile): FormWorkbook {
  if (!file.ok) return file;
  const sheets = Object.fromEntries(
    file.tables.map((table) => [
      table.sheet ?? "",
      table.rows.map((row) => Array.from(row, (cell) => cellText(cell ?? null))),
    ]),
  );
  return { ok: true, sheets };
}
