import type { TextWaveSummary } from "./summary-types.ts";
import type { QuestionAnswers } from "./wave-answers.ts";

/** Every text answered, one per respondent; declined ones are left out. */
export function textSummary({ shown, given }: QuestionAnswers): TextWaveSummary {
  const texts = given.flatMap(({ value, count }) =>
    value.kind === "text" ? Array.from({ length: count }, () => value.value) : [],
  );
  return { shown, answered: texts.length, texts };
}
