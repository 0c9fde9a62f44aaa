import { questionType } from "../questionnaire/question-types/registry.ts";
import type { Answers, Questionnaire } from "../questionnaire/types.ts";

/** Whom a quota counts: every expert of the questionnaire, or those who gave one option of a profile question. */
export type QuotaCategory = { kind: "total" } | { kind: "option"; question: string; option: string };

export type QuotaMode = "stop" | "warn";

export interface Quota {
  questionnaire: string;
  category: QuotaCategory;
  target: number;
  mode: QuotaMode;
}

/** Why a category cannot be used for a questionnaire. */
export type CategoryProblem =
  | { problem: "bad_format" }
  | { problem: "unknown_question"; question: string }
  | { problem: "not_profile_choice"; question: string }
  | { problem: "unknown_option"; question: string; option: string };

const TOTAL = "total";
const OPTION_PATTERN = /^([A-Za-z_][\w.-]*)=([\w.-]+)$/;

/** The category as coordinators type it and the database keeps it: `total` or `<question>=<option>`. */
export function formatCategory(category: QuotaCategory): string {
  return category.kind === "total" ? TOTAL : `${category.question}=${category.option}`;
}

/**
 * Reads `total` or `<question>=<option>` and checks it against the questionnaire: the question must be a
 * choice question of the profile block, so that an expert is known to be in the category before the main
 * questions.
 *
 * @example
 * parseCategory(education, "edu_role=social_educator"); // { kind: "option", question: "edu_role", option: "social_educator" }
 * parseCategory(education, "barriers=language_barrier"); // { problem: "not_profile_choice", question: "barriers" }
 */
export function parseCategory(questionnaire: Questionnaire, text: string): QuotaCategory | CategoryProblem {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === TOTAL) return { kind: "total" };
  const match = OPTION_PATTERN.exec(trimmed);
  if (!match) return { problem: "bad_format" };
  const [, questionId = "", optionId = ""] = match;
  const question = questionnaire.questions.find((candidate) => candidate.id === questionId);
  if (!question) return { problem: "unknown_question", question: questionId };
  if (question.section !== "profile" || !questionType(question).answer?.selectedOptions)
    return { problem: "not_profile_choice", question: questionId };
  if (!question.options.some((option) => option.id === optionId))
    return { problem: "unknown_option", question: questionId, option: optionId };
  return { kind: "option", question: questionId, option: optionId };
}

export function isCategoryProblem(value: QuotaCategory | CategoryProblem): value is CategoryProblem {
  return "problem" in value;
}

/** Whether a respondent with these answers belongs to the category. */
export function inCategory(category: QuotaCategory, answers: Answers): boolean {
  if (category.kind === "total") return true;
  const answer = answers[category.question];
  if (answer?.kind === "choice") return answer.option === category.option;
  if (answer?.kind === "choices") return answer.options.includes(category.option);
  return false;
}
