import type { Answers, AnswerValue, ChoiceOption, Question, Questionnaire } from "./types.ts";
import { type FormValue, isTrue } from "./xlsform/expression.ts";

/** How one respondent goes through a questionnaire. */
export interface FlowOptions {
  /** Anonymous respondents skip the identity block entirely. */
  anonymous: boolean;
}

/** Whether `question`'s condition holds for the answers given so far. */
export function isRelevant(question: Question, answers: Answers): boolean {
  return !question.relevant || isTrue(question.relevant, { answers: formValues(answers) });
}

/** Whether an answer meets its question's constraint, `.` standing for it; declining always does. */
export function meetsConstraint(question: Question, answer: AnswerValue, answers: Answers): boolean {
  const self = formValue(answer);
  if (!question.constraint || self === undefined) return true;
  return isTrue(question.constraint, { answers: formValues(answers), self });
}

/** The options the question offers given the answers before: all of them, or those its choice filter keeps. */
export function optionsOffered(question: Question, answers: Answers): ChoiceOption[] {
  const filter = question.choiceFilter;
  if (!filter) return question.options;
  const values = formValues(answers);
  return question.options.filter((option) =>
    isTrue(filter, { answers: values, choice: option.columns ?? {} }),
  );
}

/**
 * Answers as the form's expressions read them: an option, the options (a ranking's in its order), a number, a
 * text; a declined answer is empty, as an unanswered one.
 */
export function formValues(answers: Answers): Record<string, FormValue | undefined> {
  return Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, formValue(answer)]));
}

/**
 * An answer as the form's expressions read it. Every type's answer holds one of these fields, whatever its type:
 * an answer that holds none of them does not compile here.
 */
export function formValue(answer: AnswerValue): FormValue | undefined {
  if ("option" in answer) return answer.option;
  if ("options" in answer) return answer.options;
  if ("order" in answer) return answer.order;
  if ("value" in answer) return answer.value;
  answer satisfies { kind: "declined" };
  return undefined;
}

/**
 * The questions this respondent is asked, in order, given their answers so far.
 *
 * @example
 * visibleQuestions(healthcare, { high_risk_group: { kind: "choice", option: "no" } }, { anonymous: true })
 *   .some((q) => q.id === "high_risk_complications"); // false
 */
export function visibleQuestions(
  questionnaire: Questionnaire,
  answers: Answers,
  flow: FlowOptions,
): Question[] {
  return questionnaire.questions.filter(
    (question) => !(flow.anonymous && question.section === "identity") && isRelevant(question, answers),
  );
}

/** The question after `currentId` (or the first one), or undefined at the end. */
export function nextQuestion(
  questionnaire: Questionnaire,
  answers: Answers,
  currentId: string | undefined,
  flow: FlowOptions,
): Question | undefined {
  const visible = visibleQuestions(questionnaire, answers, flow);
  if (currentId === undefined) return visible[0];
  const order = questionnaire.questions.findIndex((question) => question.id === currentId);
  return visible.find((question) => questionnaire.questions.indexOf(question) > order);
}

/** The question before `currentId`, or undefined on the first one. */
export function previousQuestion(
  questionnaire: Questionnaire,
  answers: Answers,
  currentId: string,
  flow: FlowOptions,
): Question | undefined {
  const order = questionnaire.questions.findIndex((question) => question.id === currentId);
  return visibleQuestions(questionnaire, answers, flow).findLast(
    (question) => questionnaire.questions.indexOf(question) < order,
  );
}

/** 1-based position of `currentId` among the questions this respondent is asked, e.g. 7 of 21. */
export function progress(
  questionnaire: Questionnaire,
  answers: Answers,
  currentId: string,
  flow: FlowOptions,
): { position: number; total: number } {
  const visible = visibleQuestions(questionnaire, answers, flow);
  return { position: visible.findIndex((question) => question.id === currentId) + 1, total: visible.length };
}

/**
 * Answered questions that no longer apply: a changed answer can hide a conditional question, and its old
 * answer must not be counted. Identity answers of an anonymous respondent never apply.
 */
export function inapplicableAnswers(
  questionnaire: Questionnaire,
  answers: Answers,
  flow: FlowOptions,
): string[] {
  const visible = new Set(visibleQuestions(questionnaire, answers, flow).map((question) => question.id));
  return Object.keys(answers).filter((id) => !visible.has(id));
}

export function findQuestion(questionnaire: Questionnaire, questionId: string): Question | undefined {
  return questionnaire.questions.find((question) => question.id === questionId);
}
