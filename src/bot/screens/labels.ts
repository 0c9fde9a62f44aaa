import type { Translate } from "../../i18n/translator.ts";
import { questionType } from "../../questionnaire/question-types/registry.ts";
import type { AnswerValue, Question } from "../../questionnaire/types.ts";

export function questionText(t: Translate, question: Question): string {
  return t(`questionnaire:questions.${question.textOwner}.${question.id}.text`);
}

export function questionTitle(t: Translate, question: Question): string {
  return t(`questionnaire:questions.${question.textOwner}.${question.id}.short`);
}

export function optionLabel(t: Translate, question: Question, optionId: string): string {
  return t(`questionnaire:choices.${question.choices}.${optionId}`);
}

export function questionnaireTitle(t: Translate, questionnaireId: string): string {
  return t(`questionnaire:titles.${questionnaireId}`);
}

/** An answer in words, as the review screen and /my_data show it. */
export function describeAnswer(t: Translate, question: Question, answer: AnswerValue): string {
  if (answer.kind === "declined") return t("review.declined");
  const spec = questionType(question).answer;
  const own = spec?.of(answer);
  return spec && own ? spec.describe(own, (id) => optionLabel(t, question, id)) : "—";
}
