import type { InputProblem } from "./answer-input.ts";
import { questionType } from "./question-types/registry.ts";
import type { AnswerValue, Question } from "./types.ts";

/**
 * Checks a complete answer against its question: the only gate before anything is stored, whether it came
 * from a button, a typed message or an imported file.
 */
export function checkAnswer(question: Question, answer: AnswerValue): InputProblem | undefined {
  const spec = questionType(question).answer;
  if (answer.kind === "declined") {
    return spec && (question.optional || question.preferNotToSay) ? undefined : "not_optional";
  }
  const own = spec?.of(answer);
  return spec && own ? spec.check(question, own) : "wrong_kind";
}
