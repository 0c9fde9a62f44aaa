import { isLanguage, LANGUAGES, type Language } from "../../i18n/translator.ts";
import type { FormProblem } from "./form.ts";
import { cellOf, plainHeader, readColumns, type SheetColumn, textsOf } from "./sheet-columns.ts";

export const SETTINGS = "settings";

/**
 * What a form id may be: it travels in `t.me/<bot>?start=<form_id>` links (letters, digits, `_` and `-`, as
 * Telegram allows) and in button data, and is shorter than a receipt, which `/start` also takes.
 */
const FORM_ID = /^[A-Za-z][A-Za-z0-9_-]{0,23}$/;

/** Settings Kobo and ODK write for their servers and web forms: read without a problem, left out with a warning. */
const SERVER_SETTINGS = ["instance_name", "style", "public_key", "submission_url", "allow_choice_duplicates"];

/**
 * The settings row as read; the title's and description's texts are completed once the form's languages are
 * known, and the sample table and comparison are checked against the survey's questions.
 */
export interface FormSettings {
  id: string;
  version: string;
  defaultLanguage?: Language;
  /** The `sample_table` cell, as written. */
  sampleTable: string;
  /** The `compare_by` cell, as written. */
  compareBy: string;
  columns: SheetColumn[];
  row: readonly string[];
}

/**
 * Reads `form_id`, `version` and `default_language` (as `kk` or `Қазақша (kk)`) from the settings sheet, and the
 * study's own settings: `description::Language (code)`, one line under the title in the questionnaire choice;
 * `sample_table`, the profile questions of the sample table in its order; `compare_by`, a profile question and
 * two of its options whose experts' rankings are compared (`region shymkent turkestan_region`).
 */
export function readSettings(
  rows: readonly (readonly string[])[] | undefined,
  problems: FormProblem[],
  warnings: FormProblem[],
): FormSettings {
  if (!rows) {
    problems.push({
      sheet: SETTINGS,
      message: "the workbook has no settings sheet (it names form_id and version)",
    });
    return { id: "", version: "", sampleTable: "", compareBy: "", columns: [], row: [] };
  }
  const columns = readColumns(SETTINGS, rows[0] ?? [], problems);
  const row = rows[1] ?? [];
  const place = (base: string) => ({ sheet: SETTINGS, row: 2, column: plainHeader(columns, base) });
  const id = cellOf(row, columns, "form_id");
  if (!FORM_ID.test(id)) {
    problems.push({
      ...place("form_id"),
      message:
        id === ""
          ? "the form needs a form_id"
          : `“${id}” is not a valid form_id: a letter, then up to 23 letters, digits, _ or - (a Telegram link carries it)`,
    });
  }
  const version = cellOf(row, columns, "version");
  if (version === "") problems.push({ ...place("version"), message: "the form needs a version" });
  const written = cellOf(row, columns, "default_language");
  const code = /\(([^()]*)\)$/.exec(written)?.[1]?.trim() ?? written;
  let defaultLanguage: Language | undefined;
  if (isLanguage(code)) defaultLanguage = code;
  else if (written !== "") {
    problems.push({
      ...place("default_language"),
      message: `the default language “${written}” is not one of ${LANGUAGES.join(", ")}`,
    });
  }
  for (const setting of SERVER_SETTINGS) {
    if (cellOf(row, columns, setting) === "") continue;
    warnings.push({
      ...place(setting),
      message: `the setting ${setting} has no meaning in a Telegram chat and is left out`,
    });
  }
  return {
    id,
    version,
    defaultLanguage,
    sampleTable: cellOf(row, columns, "sample_table"),
    compareBy: cellOf(row, columns, "compare_by"),
    columns,
    row,
  };
}

/** The form's texts of a per-language setting (`form_title`, `description`), as written. */
export function settingTexts(settings: FormSettings, base: string, defaultLanguage: Language) {
  return textsOf(settings.row, settings.columns, base, defaultLanguage);
}
