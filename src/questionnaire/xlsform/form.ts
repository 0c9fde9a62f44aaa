import type { Language } from "../../i18n/translator.ts";
import type { QuestionType, RankOrder, Texts } from "../types.ts";
import type { Expression } from "./expression.ts";

export type { Texts };

/**
 * The part of the questionnaire a question belongs to (the `section` column): `identity` asks for personal data,
 * only of experts who answer with their name; `profile` asks who the expert is. Absent for a main question.
 */
export type FormSection = "identity" | "profile";

/** What the `parameters` column says about a question, as `key=value` pairs. */
export interface QuestionParameters {
  /** `rank_by`: the order a rank question asks for. */
  rankBy?: RankOrder;
  /** `prefer_not_to_say=yes`: an integer or decimal question offers a "prefer not to say" button. */
  preferNotToSay?: boolean;
  /** `max_length`: the longest answer a text question takes, 1 to 4000 characters. */
  maxLength?: number;
}

export interface FormQuestion {
  name: string;
  type: QuestionType;
  /** The choice list of a select_one, select_multiple or rank question. */
  listName?: string;
  /**
   * The question offers an `other` option that asks to specify: written `or_other` after the list name
   * (the option is then implied, not in the list) or as an option named `other` in the list.
   */
  specifyOther: boolean;
  section?: FormSection;
  labels: Texts;
  /** Short labels for tables, charts and export headers; empty when the form gives none. */
  shortLabels: Texts;
  hints: Texts;
  required: boolean;
  relevant?: Expression;
  constraint?: Expression;
  constraintMessages: Texts;
  choiceFilter?: Expression;
  parameters: QuestionParameters;
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
  /** Choosing it clears every other option of a select_multiple, as "all of the above" does. */
  exclusive: boolean;
  /** The choices sheet's other columns (used by choice_filter), by column name. */
  columns: Record<string, string>;
}

/** A form read from the XLSForm subset: questions in order, with their choice lists. */
export interface XlsForm {
  id: string;
  version: string;
  titles: Texts;
  /** One line under the title in the questionnaire choice; empty when the form gives none. */
  descriptions: Texts;
  defaultLanguage: Language;
  /** Languages with a label column in the form, default first. */
  languages: Language[];
  questions: FormQuestion[];
  groups: FormGroup[];
  choiceLists: Record<string, FormChoice[]>;
  /** Names of the profile questions the sample table describes, in its order; empty when not set. */
  sampleTable: string[];
  /** The profile question and its two options whose experts' rankings are compared; absent when not set. */
  compareBy?: { question: string; options: [string, string] };
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
