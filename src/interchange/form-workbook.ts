import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FormConversion, questionnaireFromForm } from "../questionnaire/from-xlsform.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { describeProblem, type FormReading } from "../questionnaire/xlsform/form.ts";
import { type FormSheets, readXlsForm } from "../questionnaire/xlsform/form-reader.ts";
import { SURVEY } from "../questionnaire/xlsform/survey-sheet.ts";
import type { ImportRefusal } from "./import-limits.ts";
import { cellText } from "./interchange-cells.ts";
import { readWorkbookTables, type TableFile } from "./read-table-file.ts";
import { readTableFileIsolated } from "./read-table-file-isolated.ts";

/** Through the project folder, so that the build in dist/ (same depth as src/) reads the same files. */
export const STUDY_FORMS_DIR = fileURLToPath(new URL("../../questionnaires/", import.meta.url));

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

/** A form file of the repository that cannot be used; the message names the file and every problem. */
export class FormFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "FormFileError";
  }
}

/**
 * The questionnaires written as XLSForm workbooks in `dir` (the study's, in `questionnaires/`), by id.
 * A file the reader refuses stops the start with its problems.
 */
export async function loadFormFiles(
  conversion: FormConversion,
  dir: string = STUDY_FORMS_DIR,
): Promise<Map<string, Questionnaire>> {
  const questionnaires = new Map<string, Questionnaire>();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".xlsx"))
    .sort();
  for (const file of files) {
    const workbook = await readFormWorkbook(readFileSync(join(dir, file)));
    if (!workbook.ok) {
      throw new FormFileError(file, ["problem" in workbook ? workbook.problem : workbook.refusal]);
    }
    const reading: FormReading = readXlsForm(workbook.sheets);
    if (!reading.form) throw new FormFileError(file, reading.problems.map(describeProblem));
    questionnaires.set(reading.form.id, questionnaireFromForm(reading.form, conversion));
  }
  return questionnaires;
}
