import { readFormWorkbookIsolated } from "../interchange/form-workbook.ts";
import type { ImportRefusal } from "../interchange/import-limits.ts";
import { describeProblem, type XlsForm } from "../questionnaire/xlsform/form.ts";
import { type FormSheets, readXlsForm } from "../questionnaire/xlsform/form-reader.ts";

/** What `questionnaire check` prints and how it ends; an accepted form comes with the sheets it was read from. */
export type FormCheck =
  | { ok: true; form: XlsForm; sheets: FormSheets; summary: string; warnings: string[] }
  | { ok: false; problems: string[]; warnings: string[] }
  | { ok: false; refusal: ImportRefusal };

/**
 * Reads an XLSForm workbook (in a worker, within the import limits) and says whether the questionnaire in it
 * can be used: its id, version, number of questions and languages, or every problem by sheet, row and column.
 *
 * @example
 * await checkFormFile(readFileSync("employment.xlsx"));
 * // { ok: true, summary: "Form employment, version 3: 5 questions in kk, ru, en", warnings: [], … }
 */
export async function checkFormFile(bytes: Uint8Array): Promise<FormCheck> {
  const file = await readFormWorkbookIsolated(bytes);
  if (!file.ok) return "refusal" in file ? file : { ok: false, problems: [file.problem], warnings: [] };
  const { form, problems, warnings } = readXlsForm(file.sheets);
  const warningLines = warnings.map(describeProblem);
  if (!form) return { ok: false, problems: problems.map(describeProblem), warnings: warningLines };
  return {
    ok: true,
    form,
    sheets: file.sheets,
    summary: `Form ${form.id}, version ${form.version}: ${questionCount(form)} in ${form.languages.join(", ")}`,
    warnings: warningLines,
  };
}

/** "1 question", "5 questions". */
export function questionCount(form: XlsForm): string {
  const count = form.questions.length;
  return `${count} question${count === 1 ? "" : "s"}`;
}
