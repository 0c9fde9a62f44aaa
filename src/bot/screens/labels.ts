import type { Translate } from "../../i18n/translator.ts";
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
  const label = (id: string) => optionLabel(t, question, id);
  const withOther = (text: string, other: string | undefined) => (other ? `${text} (${other})` : text);
  switch (answer.kind) {
    case "choice":
      return withOther(label(answer.option), answer.other);
    case "choices":
      return withOther(answer.options.map(label).join("; "), answer.other);
    case "rank":
      return answer.order.map((id, index) => `${index + 1}. ${label(id)}`).join("; ");
    case "integer":
      return String(answer.value);
    case "text":
      return answer.value;
    case "declined":
      return t("review.declined");
  }
}
