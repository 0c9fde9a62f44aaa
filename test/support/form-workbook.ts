import { buildWorkbook, type SheetCell } from "../../src/report/xlsx.ts";
import { EMPLOYMENT_FORM } from "../questionnaire/xlsform/employment-form.ts";

/**
 * The sheets as .xlsx bytes, numbers as numbers (as a spreadsheet program keeps a version 3).
 *
 * @example
 * await formWorkbook({ survey: [["type", "name"], ["integer", "age"]] });
 */
export function formWorkbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const asCells = (rows: string[][]): SheetCell[][] =>
    rows.map((row) => row.map((cell) => (cell !== "" && /^\d+$/.test(cell) ? Number(cell) : cell)));
  return buildWorkbook(Object.entries(sheets).map(([sheet, rows]) => ({ name: sheet, rows: asCells(rows) })));
}

/** The employment study's form under another version, its survey and choices optionally edited. */
export function employmentForm(
  version: string,
  edited: { survey?: string[][]; choices?: string[][] } = {},
): { survey: string[][]; choices: string[][]; settings: string[][] } {
  const [header = [], settings = []] = EMPLOYMENT_FORM.settings;
  return {
    survey: edited.survey ?? EMPLOYMENT_FORM.survey,
    choices: edited.choices ?? EMPLOYMENT_FORM.choices,
    settings: [header, settings.with(header.indexOf("version"), version)],
  };
}
