import type { AnswerValue, Question } from "../questionnaire/types.ts";
import { perWave } from "./per-wave.ts";
import type { PlainQuestionType, TextQuestionSummary, TextWaveSummary } from "./summary-types.ts";
import type { QuestionAnswers, WaveAnswers } from "./wave-answers.ts";

/** Reads an answer as the text the summary lists; undefined for a declined answer. */
export type AnswerText = (value: AnswerValue) => string | undefined;

/** Every text answered, one per respondent; declined ones are left out. */
export function textSummary({ shown, given }: QuestionAnswers, textOf: AnswerText): TextWaveSummary {
  const texts = given.flatMap(({ value, count }) => {
    const text = textOf(value);
    return text === undefined ? [] : Array.from({ length: count }, () => text);
  });
  return { shown, answered: texts.length, texts };
}

/** The texts of every wave, for a question whose answers `textOf` reads as text. */
export function summariseTexts(
  type: PlainQuestionType,
  question: Question,
  waves: readonly WaveAnswers[],
  textOf: AnswerText,
): TextQuestionSummary {
  return {
    id: question.id,
    type,
    waves: Object.fromEntries(perWave(question, waves, (answers) => textSummary(answers, textOf))),
  };
}
