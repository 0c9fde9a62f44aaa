import type { InputProblem } from "./answer-input.ts";
import { meetsConstraint, optionsOffered } from "./engine.ts";
import { questionType, selectedOptions } from "./question-types/registry.ts";
import type { Answers, AnswerValue, Question } from "./types.ts";

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

/**
 * Checks an answer against what the form says of it given the answers before it: the options its choice
 * filter offers, and its constraint.
 */
export function checkInContext(
  question: Question,
  answer: AnswerValue,
  answers: Answers,
): InputProblem | undefined {
  if (question.choiceFilter) {
    const offered = new Set(optionsOffered(question, answers).map((option) => option.id));
    if (selectedOptions(question, answer).some((id) => !offered.has(id))) return "unknown_option";
  }
  return meetsConstraint(question, answer, answers) ? undefined : "constraint";
}
