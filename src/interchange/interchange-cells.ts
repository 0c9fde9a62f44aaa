import {
  checkAnswer,
  type InputProblem,
  needsSpecification,
  OTHER_TEXT_MAX_LENGTH,
} from "../questionnaire/answer-input.ts";
import type { AnswerValue, Question } from "../questionnaire/types.ts";
import { otherColumnName } from "./interchange-columns.ts";

/** How a declined answer ("prefer not to say", a skipped optional question) is written. */
export const DECLINED_CELL = "declined";

/** A cell of an interchange table: text, a number, or empty. */
export type InterchangeCell = string | number | null;

/** The cells of one question: its answer and the "please specify" text of its `other` option. */
export interface EncodedAnswer {
  value: InterchangeCell;
  other: InterchangeCell;
}

/**
 * Writes one answer as interchange cells: option ids, space-separated ids for several choices or a ranking
 * (most important first), the number, the text, or `declined`; no answer is an empty cell.
 *
 * @example
 * encodeAnswer({ kind: "choices", options: ["language_barrier", "other"], other: "Тіл курстары" });
 * // { value: "language_barrier other", other: "Тіл курстары" }
 */
export function encodeAnswer(answer: AnswerValue | undefined): EncodedAnswer {
  switch (answer?.kind) {
    case undefined:
      return { value: null, other: null };
    case "declined":
      return { value: DECLINED_CELL, other: null };
    case "choice":
      return { value: answer.option, other: answer.other ?? null };
    case "choices":
      return { value: answer.options.join(" "), other: answer.other ?? null };
    case "rank":
      return { value: answer.order.join(" "), other: null };
    case "integer":
    case "text":
      return { value: answer.value, other: null };
  }
}

/** An answer read from its cells, or what is wrong with them. */
export type DecodedAnswer =
  | { ok: true; answer: AnswerValue | undefined }
  | { ok: false; column: string; problem: string };

/**
 * Reads one question's cells back into an answer (undefined when the cells are empty), or says in plain words
 * what is wrong and in which column. The result has passed `checkAnswer`.
 */
export function decodeAnswer(
  question: Question,
  valueCell: InterchangeCell,
  otherCell: InterchangeCell,
): DecodedAnswer {
  const value = cellText(valueCell);
  const other = cellText(otherCell);
  const fail = (problem: string, column = question.id): DecodedAnswer => ({ ok: false, column, problem });
  if (value === "") {
    return other === ""
      ? { ok: true, answer: undefined }
      : fail(`${quote(question.id)} is not answered`, otherColumnName(question));
  }
  const parsed =
    value.toLowerCase() === DECLINED_CELL ? { kind: "declined" as const } : parseValue(question, value);
  if (typeof parsed === "string") return fail(parsed);
  const answer = attachOther(question, parsed, other);
  if (typeof answer === "string") return fail(answer, otherColumnName(question));
  const problem = checkAnswer(question, answer);
  return problem ? fail(describeCheck(question, problem)) : { ok: true, answer };
}

/** The trimmed text of a cell; empty for an empty cell. */
export function cellText(cell: InterchangeCell): string {
  return cell === null ? "" : String(cell).trim();
}

const WHOLE_NUMBER = /^[+-]?\d+$/;

function parseValue(question: Question, value: string): AnswerValue | string {
  switch (question.type) {
    case "select_one":
      return knownOption(question, value)
        ? { kind: "choice", option: value }
        : unknownOptions(question, [value]);
    case "select_multiple":
    case "rank": {
      const ids = value.split(/[\s,;]+/).filter((id) => id.length > 0);
      const problem = optionListProblem(question, ids);
      if (problem) return problem;
      return question.type === "rank" ? { kind: "rank", order: ids } : { kind: "choices", options: ids };
    }
    case "integer": {
      if (!WHOLE_NUMBER.test(value)) return `not a whole number: ${quote(value)}`;
      const number = Number(value);
      const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = question;
      return number < min || number > max
        ? `value ${number} is out of range ${min}–${max}`
        : { kind: "integer", value: number };
    }
    case "text": {
      const length = [...value].length;
      const limit = question.maxLength ?? 0;
      return length > limit
        ? `text is over its length limit of ${limit} characters (it has ${length})`
        : { kind: "text", value };
    }
  }
}

function optionListProblem(question: Question, ids: string[]): string | undefined {
  const unknown = ids.filter((id) => !knownOption(question, id));
  if (unknown.length > 0) return unknownOptions(question, unknown);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) return `option ${quote(repeated)} is listed twice`;
  const exclusive = ids.find((id) => question.options.some((option) => option.id === id && option.exclusive));
  if (exclusive && ids.length > 1) return `exclusive option ${quote(exclusive)} is combined with others`;
  return undefined;
}

function attachOther(question: Question, answer: AnswerValue, other: string): AnswerValue | string {
  if (other === "") return answer;
  if (answer.kind === "choice" || answer.kind === "choices") {
    const chosen = answer.kind === "choice" ? [answer.option] : answer.options;
    if (needsSpecification(question, chosen)) {
      const length = [...other].length;
      return length > OTHER_TEXT_MAX_LENGTH
        ? `text is over its length limit of ${OTHER_TEXT_MAX_LENGTH} characters (it has ${length})`
        : { ...answer, other };
    }
  }
  const specify = question.options.filter((option) => option.specify).map((option) => quote(option.id));
  return `the “please specify” text is filled but option ${specify.join(" or ")} is not chosen`;
}

function knownOption(question: Question, id: string): boolean {
  return question.options.some((option) => option.id === id);
}

function unknownOptions(question: Question, ids: string[]): string {
  const noun = ids.length === 1 ? "option id" : "option ids";
  return `unknown ${noun} ${ids.map(quote).join(", ")} for question ${quote(question.id)}`;
}

function describeCheck(question: Question, problem: InputProblem): string {
  switch (problem) {
    case "not_optional":
      return `question ${quote(question.id)} cannot be declined`;
    case "wrong_kind":
      return `the answer does not fit a ${question.type} question`;
    default:
      return `the answer to ${quote(question.id)} is not valid (${problem.replaceAll("_", " ")})`;
  }
}

/** Wraps a name or value in typographic quotes, as every problem message does. */
export function quote(text: string): string {
  return `“${text}”`;
}
