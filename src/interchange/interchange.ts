import type { Answers, Questionnaire } from "../questionnaire/types.ts";
import { encodeAnswer, type InterchangeCell } from "./interchange-cells.ts";
import { answerColumns, RESPONDENT_COLUMNS } from "./interchange-columns.ts";

export { decodeRows, type InterchangeProblem, type InterchangeRecord } from "./interchange-decode.ts";

/*
 * The interchange format: what export writes and what coordinators fill in for paper responses. One row per
 * respondent per wave; the columns respondent_id, wave, questionnaire, anonymous (yes/no), then one column per
 * question in questionnaire order, with <question>_other after each question that has a "please specify"
 * option. Cells: an option id; option ids separated by spaces for several choices or a ranking (most
 * important first, possibly only the top few); a whole number; the text; `declined`; empty when not answered.
 * Reading also accepts commas or semicolons between option ids, and true/false/1/0 for anonymous. A text
 * answer that is exactly "declined" cannot be told apart from a declined answer.
 */

/**
 * The header row of a questionnaire's interchange table.
 *
 * @example
 * interchangeHeader(education).slice(0, 6);
 * // ["respondent_id", "wave", "questionnaire", "anonymous", "full_name", "organisation"]
 */
export function interchangeHeader(questionnaire: Questionnaire): string[] {
  return [...RESPONDENT_COLUMNS, ...answerColumns(questionnaire).map((column) => column.name)];
}

/** One response as a row under {@link interchangeHeader}; answers to unknown question ids are left out. */
export function encodeResponse(
  questionnaire: Questionnaire,
  record: { respondentId: string; wave: number; anonymous: boolean; answers: Answers },
): InterchangeCell[] {
  return [
    record.respondentId,
    record.wave,
    questionnaire.id,
    record.anonymous ? "yes" : "no",
    ...answerColumns(questionnaire).map(
      (column) => encodeAnswer(column.question, record.answers[column.question.id])[column.part],
    ),
  ];
}
