import {
  type InputProblem,
  needsSpecification,
  OTHER_TEXT_MAX_LENGTH,
} from "../questionnaire/answer-input.ts";
import { checkAnswer } from "../questionnaire/check-answer.ts";
import { questionType, selectedOptions } from "../questionnaire/question-types/registry.ts";
import type { AnswerValue, Question } from "../questionnaire/types.ts";
import { DECLINED_CELL, quote } from "./cell-conventions.ts";
import { otherColumnName } from "./interchange-columns.ts";

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
 * encodeAnswer(barriers, { kind: "choices", options: ["language_barrier", "other"], other: "Тіл курстары" });
 * // { value: "language_barrier other", other: "Тіл курстары" }
 */
export function encodeAnswer(question: Question, answer: AnswerValue | undefined): EncodedAnswer {
  if (answer === undefined) return { value: null, other: null };
  if (answer.kind === "declined") return { value: DECLINED_CELL, other: null };
  const spec = questionType(question).answer;
  const own = spec?.of(answer);
  if (!spec || !own)
    throw new RangeError(`a ${answer.kind} answer does not fit ${question.type} question ${question.id}`);
  return { value: spec.encode(own), other: "other" in answer ? (answer.other ?? null) : null };
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

function parseValue(question: Question, value: string): AnswerValue | string {
  return questionType(question).answer?.decode(question, value) ?? `${quote(question.id)} takes no answer`;
}

function attachOther(question: Question, answer: AnswerValue, other: string): AnswerValue | string {
  if (other === "") return answer;
  if (answer.kind === "choice" || answer.kind === "choices") {
    if (needsSpecification(question, selectedOptions(question, answer))) {
      const length = [...other].length;
      return length > OTHER_TEXT_MAX_LENGTH
        ? `text is over its length limit of ${OTHER_TEXT_MAX_LENGTH} characters (it has ${length})`
        : { ...answer, other };
    }
  }
  const specify = question.options.filter((option) => option.specify).map((option) => quote(option.id));
  return `the “please specify” text is filled but option ${specify.join(" or ")} is not chosen`;
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
