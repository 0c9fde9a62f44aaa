import { expect } from "vitest";
import { describeProblem } from "../../../src/questionnaire/xlsform/form.ts";
import { type FormSheets, readXlsForm } from "../../../src/questionnaire/xlsform/form-reader.ts";
import { surveyRowType } from "../../../src/questionnaire/xlsform/survey-type.ts";

/**
 * A sheet written as a markdown-like table, pyxform's way: one row per line, cells between `|`.
 * Blank lines are skipped; a line of only `|` and spaces is an empty spreadsheet row.
 *
 * @example
 * table(`
 *   | type    | name | label::English (en) |
 *   | integer | age  | Age                 |
 * `); // [["type", "name", "label::English (en)"], ["integer", "age", "Age"]]
 */
export function table(text: string): string[][] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .replace(/^\|/, "")
        .replace(/\|$/, "")
        .split("|")
        .map((cell) => cell.trim()),
    );
}

/** Settings most test forms share: id `demo`, version 1, English by default. */
export const ENGLISH_SETTINGS = table(`
  | form_id | version | default_language |
  | demo    | 1       | en               |
`);

/** A workbook of a survey table, optionally choices, and {@link ENGLISH_SETTINGS} unless others are given. */
export function workbook(survey: string, choices?: string, settings = ENGLISH_SETTINGS): FormSheets {
  return {
    survey: table(survey),
    ...(choices === undefined ? {} : { choices: table(choices) }),
    settings,
  };
}

/** The problems of a form that must be refused, one line each. */
export function problemsOf(sheets: FormSheets): string[] {
  const reading = readXlsForm(sheets);
  expect(reading.form).toBeUndefined();
  return reading.problems.map(describeProblem);
}

/** The form read without problems, and its warnings one line each. */
export function formOf(sheets: FormSheets) {
  const reading = readXlsForm(sheets);
  expect(reading.problems.map(describeProblem)).toEqual([]);
  return { form: reading.form!, warnings: reading.warnings.map(describeProblem) };
}

/** What the reader says of a `type` cell it refuses, the line the bot and the CLI pass on as it is. */
export function typeRefusal(cell: string): string {
  const read = surveyRowType(cell);
  if (read.kind !== "refused") throw new Error(`the reader takes the type “${cell}”`);
  return read.message;
}
