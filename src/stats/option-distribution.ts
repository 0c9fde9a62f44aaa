import { isRelevant } from "../questionnaire/engine.ts";
import { questionType } from "../questionnaire/question-types/registry.ts";
import type { Answers, Question } from "../questionnaire/types.ts";
import { distributionOfAnswers } from "./option-counts.ts";
import type { OptionDistribution } from "./summary-types.ts";

/**
 * Counts the options chosen for a select_one or select_multiple `question` over `responses`. Answers of
 * respondents the question does not apply to are ignored, as are option ids the question does not offer.
 *
 * @example
 * optionDistribution(barriers, [{ barriers: { kind: "choices", options: ["no_e_documents"] } }, {}]).options[0];
 * // { id: "no_e_documents", count: 1, percent: 50 }
 */
export function optionDistribution(question: Question, responses: readonly Answers[]): OptionDistribution {
  if (questionType(question).answer?.summary.shape !== "choices") {
    throw new RangeError(
      `optionDistribution: "${question.id}" is a ${question.type} question, not a choice one`,
    );
  }
  const shown = responses.filter((answers) => isRelevant(question, answers));
  const given = shown.flatMap((answers) => answers[question.id] ?? []).map((value) => ({ value, count: 1 }));
  return distributionOfAnswers(question, shown.length, given);
}
