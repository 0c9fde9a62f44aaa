import type { FormSheets } from "../questionnaire/xlsform/form-reader.ts";
import { SURVEY } from "../questionnaire/xlsform/survey-sheet.ts";
import type { ImportRefusal } from "./import-limits.ts";
import { cellText } from "./interchange-cells.ts";
import { readTableFileIsolated } from "./read-table-file-isolated.ts";

/** Every sheet of a workbook as the form reader takes them, a problem to tell the sender, or a refusal. */
export type FormWorkbook =
  | { ok: true; sheets: FormSheets }
  | { ok: false; problem: string }
  | { ok: false; refusal: ImportRefusal };

/**
 * Reads every sheet of an .xlsx file as rows of cell texts, in a worker within the import limits, so that
 * a hostile workbook costs the bot no more than a hostile import does.
 *
 * @example
 * await readFormWorkbook(readFileSync("employment.xlsx"));
 * // { ok: true, sheets: { survey: [["type", "name", …], …], choices: […], settings: […] } }
 */
export async function readFormWorkbook(bytes: Uint8Array): Promise<FormWorkbook> {
  const file = await readTableFileIsolated(bytes, undefined, "workbook");
  if (!file.ok) return file;
  return {
    ok: true,
    sheets: Object.fromEntries(
      file.tables.map((table) => [
        table.sheet ?? "",
        table.rows.map((row) => Array.from(row, (cell) => cellText(cell ?? null))),
      ]),
    ),
  };
}

/** A workbook with a `survey` sheet is a questionnaire form (XLSForm), not a table of responses. */
export function isFormWorkbook(sheets: FormSheets): boolean {
  return Object.keys(sheets).some((name) => name.trim().toLowerCase() === SURVEY);
}
