import type { Language } from "../../i18n/translator.ts";
import type { Expression } from "./expression.ts";

/** Texts of one label, hint or message by language; a language the form lacks is filled from the default. */
export type Texts = Partial<Record<Language, string>>;

/** The question types of the supported XLSForm subset. */
export type FormQuestionType =
  | "select_one"
  | "select_multiple"
  | "rank"
  | "integer"
  | "decimal"
  | "text"
  | "note";

export interface FormQuestion {
  name: string;
  type: FormQuestionType;
  /** The choice list of a select_one, select_multiple or rank question. */
  listName?: string;
  /**
   * The question offers an `other` option that asks to specify: written `or_other` after the list name
   * (the option is then implied, not in the list) or as an option named `other` in the list.
   */
  specifyOther: boolean;
  labels: Texts;
  hints: Texts;
  required: boolean;
  relevant?: Expression;
  constraint?: Expression;
  constraintMessages: Texts;
  choiceFilter?: Expression;
  /** Names of the groups the question is in, outermost first. */
  groups: string[];
  /** Its row on the survey sheet, 1-based, for messages about it. */
  row: number;
}

export interface FormGroup {
  name: string;
  labels: Texts;
  relevant?: Expression;
  /** Names of the groups around it, outermost first. */
  groups: string[];
}

export interface FormChoice {
  name: string;
  labels: Texts;
  /** The choices sheet's other columns (used by choice_filter), by column name. */
  columns: Record<string, string>;
}

/** A form read from the XLSForm subset: questions in order, with their choice lists. */
export interface XlsForm {
  id: string;
  version: string;
  titles: Texts;
  defaultLanguage: Language;
  /** Languages with a label column in the form, default first. */
  languages: Language[];
  questions: FormQuestion[];
  groups: FormGroup[];
  choiceLists: Record<string, FormChoice[]>;
}

/** Something wrong (or, as a warning, worth knowing) at a place of the workbook. */
export interface FormProblem {
  sheet: string;
  /** 1-based, as the spreadsheet numbers rows; absent for a problem with the whole sheet. */
  row?: number;
  /** The column's header as written; absent for a problem with the whole row or sheet. */
  column?: string;
  message: string;
}

export interface FormReading {
  /** Present only when there are no problems. */
  form?: XlsForm;
  problems: FormProblem[];
  warnings: FormProblem[];
}

/**
 * One line naming where a problem is and what it is.
 *
 * @example
 * describeProblem({ sheet: "survey", row: 7, column: "relevant", message: "unknown function today()" });
 * // "sheet survey, row 7, column relevant: unknown function today()"
 */
export function describeProblem(problem: FormProblem): string {
  const place = [`sheet ${problem.sheet}`];
  if (problem.row !== undefined) place.push(`row ${problem.row}`);
  if (problem.column !== undefined) place.push(`column ${problem.column}`);
  return `${place.join(", ")}: ${problem.message}`;
}
