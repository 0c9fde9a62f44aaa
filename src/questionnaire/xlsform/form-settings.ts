import { isLanguage, LANGUAGES, type Language } from "../../i18n/translator.ts";
import { isName } from "./expression.ts";
import type { FormProblem } from "./form.ts";
import { cellOf, readColumns, type SheetColumn, textsOf } from "./sheet-columns.ts";

export const SETTINGS = "settings";

/** The settings row as read; the title's texts are completed once the form's languages are known. */
export interface FormSettings {
  id: string;
  version: string;
  defaultLanguage?: Language;
  columns: SheetColumn[];
  row: readonly string[];
}

/** Reads `form_id`, `version` and `default_language` (as `kk` or `Қазақша (kk)`) from the settings sheet. */
export function readSettings(
  rows: readonly (readonly string[])[] | undefined,
  problems: FormProblem[],
): FormSettings {
  if (!rows) {
    problems.push({
      sheet: SETTINGS,
      message: "the workbook has no settings sheet (it names form_id and version)",
    });
    return { id: "", version: "", columns: [], row: [] };
  }
  const columns = readColumns(SETTINGS, rows[0] ?? [], problems);
  const row = rows[1] ?? [];
  const place = (base: string) => ({
    sheet: SETTINGS,
    row: 2,
    column: columns.find((column) => column.base === base)?.header ?? base,
  });
  const id = cellOf(row, columns, "form_id");
  if (!isName(id)) {
    problems.push({
      ...place("form_id"),
      message: id === "" ? "the form needs a form_id" : `“${id}” is not a valid name for a form`,
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
  return { id, version, defaultLanguage, columns, row };
}

/** The form's titles by language, as written in `form_title` columns. */
export function titlesOf(settings: FormSettings, defaultLanguage: Language) {
  return textsOf(settings.row, settings.columns, "form_title", defaultLanguage);
}
