import { LANGUAGES, type Language } from "../../i18n/translator.ts";
import { CHOICES, filterColumns, readChoiceLists } from "./choice-lists.ts";
import type { FormProblem, FormReading, Texts } from "./form.ts";
import { type FormSettings, readSettings, SETTINGS, settingTexts } from "./form-settings.ts";
import { completeTexts } from "./language-fallback.ts";
import { readCompareBy, readSampleTable } from "./profile-settings.ts";
import { readColumns, type SheetColumn } from "./sheet-columns.ts";
import { readSurvey, SURVEY } from "./survey-sheet.ts";

/** A workbook as rows of cell texts per sheet, by sheet name; the first row of each sheet is its header. */
export type FormSheets = Readonly<Record<string, readonly (readonly string[])[]>>;

/**
 * Reads a questionnaire written in the supported XLSForm subset. Every problem is collected, each naming its
 * sheet, row and column; the form is given only when there are none. A text missing in one of the form's
 * languages falls back to the default language's, with a warning.
 *
 * @example
 * readXlsForm({ survey: [["type", "name", "label"], ["integer", "age", "Жасыңыз"]], settings: [["form_id", "version", "default_language"], ["demo", "1", "kk"]] });
 * // { form: { id: "demo", questions: [{ name: "age", type: "integer", … }], … }, problems: [], warnings: [] }
 */
export function readXlsForm(sheets: FormSheets): FormReading {
  const problems: FormProblem[] = [];
  const warnings: FormProblem[] = [];
  const sheet = (name: string) =>
    Object.entries(sheets).find(([written]) => written.trim().toLowerCase() === name)?.[1];
  const settings = readSettings(sheet(SETTINGS), problems, warnings);
  const surveyRows = sheet(SURVEY);
  if (!surveyRows) {
    problems.push({ sheet: SURVEY, message: "the workbook has no survey sheet" });
    return { problems: inSheetOrder(problems), warnings };
  }
  const surveyColumns = readColumns(SURVEY, surveyRows[0] ?? [], problems);
  const choiceRows = sheet(CHOICES) ?? [];
  const choiceColumns = readColumns(CHOICES, choiceRows[0] ?? [], problems);
  const defaultLanguage = chooseDefaultLanguage(settings, surveyColumns, problems);
  const languages = [
    defaultLanguage,
    ...LANGUAGES.filter(
      (language) =>
        language !== defaultLanguage &&
        [...surveyColumns, ...choiceColumns].some(
          (column) => column.base === "label" && column.language === language,
        ),
    ),
  ];
  const shared = { languages, defaultLanguage, problems, warnings };
  const choiceLists = readChoiceLists(choiceRows, { ...shared, columns: choiceColumns });
  const { questions, groups } = readSurvey(
    surveyRows,
    { ...shared, columns: surveyColumns },
    choiceLists,
    filterColumns(choiceColumns),
  );
  const settingsPlace = { ...shared, sheet: SETTINGS, row: 2, columns: settings.columns };
  const written = settingTexts(settings, "form_title", defaultLanguage);
  const titles: Texts =
    Object.keys(written).length === 0
      ? Object.fromEntries(languages.map((language) => [language, settings.id]))
      : completeTexts(written, "form_title", settingsPlace, false);
  const descriptions = completeTexts(
    settingTexts(settings, "description", defaultLanguage),
    "description",
    settingsPlace,
    false,
  );
  const profileScope = { settings, questions, choiceLists, problems };
  const sampleTable = readSampleTable(profileScope);
  const compareBy = readCompareBy(profileScope);
  if (problems.length > 0) return { problems: inSheetOrder(problems), warnings: inSheetOrder(warnings) };
  const form = {
    id: settings.id,
    version: settings.version,
    titles,
    descriptions,
    defaultLanguage,
    languages,
    questions,
    groups,
    choiceLists,
    sampleTable,
    compareBy,
  };
  return { form, problems, warnings: inSheetOrder(warnings) };
}

const SHEET_ORDER = [SURVEY, CHOICES, SETTINGS];

/** Problems as the spreadsheet shows them: sheet by sheet, row by row; a stable sort keeps a row's in column order. */
function inSheetOrder(problems: FormProblem[]): FormProblem[] {
  return problems.toSorted(
    (a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || (a.row ?? 0) - (b.row ?? 0),
  );
}

/**
 * The setting's default language; without it, the language of the first label column. A plain `label` column
 * needs the setting, since nothing else says which language it is written in.
 */
function chooseDefaultLanguage(
  settings: FormSettings,
  columns: readonly SheetColumn[],
  problems: FormProblem[],
): Language {
  if (settings.defaultLanguage) return settings.defaultLanguage;
  const labels = columns.filter((column) => column.base === "label");
  const plain = labels.find((column) => column.language === undefined);
  if (plain) {
    problems.push({
      sheet: SETTINGS,
      row: 2,
      column: "default_language",
      message: `the survey has a plain “${plain.header}” column: default_language says its language (${LANGUAGES.join(", ")})`,
    });
  }
  return labels.find((column) => column.language !== undefined)?.language ?? LANGUAGES[0];
}
