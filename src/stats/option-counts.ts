import type { Question } from "../questionnaire/types.ts";
import { percent } from "./shares.ts";
import type { OptionDistribution } from "./summary-types.ts";
import type { CountedAnswer } from "./wave-answers.ts";

/**
 * Counts the options chosen in `given`, the answers (with how many gave each) of the `shown` respondents the
 * question applies to.
 * Option ids the question does not offer are ignored.
 */
export function distributionOfAnswers(
  question: Question,
  shown: number,
  given: readonly CountedAnswer[],
): OptionDistribution {
  const counts = new Map(question.options.map((option) => [option.id, 0]));
  const other: string[] = [];
  let answered = 0;
  for (const { value: answer, count: respondents } of given) {
    if (answer.kind !== "choice" && answer.kind !== "choices") continue;
    answered += respondents;
    const chosen = answer.kind === "choice" ? [answer.option] : new Set(answer.options);
    for (const id of chosen) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + respondents);
    }
    if (answer.other) other.push(...Array.from({ length: respondents }, () => answer.other!));
  }
  const options = [...counts].map(([id, count]) => ({ id, count, percent: percent(count, shown) }));
  return { shown, answered, options, other };
}
