import { takesAnswer } from "../questionnaire/question-types/registry.ts";
import type { Question, Questionnaire } from "../questionnaire/types.ts";

/** The columns before the answers, in this order. */
export const RESPONDENT_COLUMNS = ["respondent_id", "wave", "questionnaire", "anonymous"] as const;

/** A column holding one question's answer, or the "please specify" text of its `other` option. */
export interface AnswerColumn {
  name: string;
  question: Question;
  part: "value" | "other";
}

/**
 * The answer columns of a questionnaire in questionnaire order: one per question that takes an answer (a note
 * has none), and `<question>_other` right after each question that has a "please specify" option.
 */
export function answerColumns(questionnaire: Questionnaire): AnswerColumn[] {
  return questionnaire.questions
    .filter(takesAnswer)
    .flatMap((question): AnswerColumn[] => [
      { name: question.id, question, part: "value" },
      ...(question.options.some((option) => option.specify)
        ? [{ name: otherColumnName(question), question, part: "other" as const }]
        : []),
    ]);
}

/** Name of the column with the "please specify" text of `question`'s `other` option. */
export function otherColumnName(question: Question): string {
  return `${question.id}_other`;
}
