import { isRelevant } from "../questionnaire/engine.ts";
import type { Answers, Question } from "../questionnaire/types.ts";
import { percent } from "./shares.ts";
import type { CountedAnswer } from "./wave-answers.ts";

/** How many respondents chose one option, and their share of those shown the question. */
export interface OptionCount {
  id: string;
  count: number;
  /** Share of `shown`, one decimal. */
  percent: number;
}

/** The answers to one choice question in one wave. */
export interface OptionDistribution {
  /** Respondents the question applies to (its condition holds); the denominator of every share. */
  shown: number;
  /** Respondents among `shown` who chose at least one option (declining is not answering). */
  answered: number;
  /** Every option of the question, in questionnaire order, 0 when nobody chose it. */
  options: OptionCount[];
  /** The "please specify" texts given with the answers. */
  other: string[];
}

/**
 * Counts the options chosen for a select_one or select_multiple `question` over `responses`. Answers of
 * respondents the question does not apply to are ignored, as are option ids the question does not offer.
 *
 * @example
 * optionDistribution(barriers, [{ barriers: { kind: "choices", options: ["no_e_documents"] } }, {}]).options[0];
 * // { id: "no_e_documents", count: 1, percent: 50 }
 */
export function optionDistribution(question: Question, responses: readonly Answers[]): OptionDistribution {
  const shown = responses.filter((answers) => isRelevant(question, answers));
  const given = shown.flatMap((answers) => answers[question.id] ?? []).map((value) => ({ value, count: 1 }));
  return distributionOfAnswers(question, shown.length, given);
}

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
  if (question.type !== "select_one" && question.type !== "select_multiple") {
    throw new RangeError(
      `optionDistribution: "${question.id}" is a ${question.type} question, not a choice one`,
    );
  }
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
