import { languageOf, type Translate } from "../../i18n/translator.ts";
import { FormTexts } from "../../questionnaire/form-texts.ts";
import type { AnswerValue, Question, Questionnaire } from "../../questionnaire/types.ts";

/** The form's texts in the language of `t`. */
export function formTexts(t: Translate): FormTexts {
  return new FormTexts(languageOf(t));
}

export function questionText(t: Translate, question: Question): string {
  return formTexts(t).text(question);
}

export function questionTitle(t: Translate, question: Question): string {
  return formTexts(t).short(question);
}

export function optionLabel(t: Translate, question: Question, optionId: string): string {
  return formTexts(t).option(question, optionId);
}

export function questionnaireTitle(t: Translate, questionnaire: Questionnaire): string {
  return formTexts(t).title(questionnaire);
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

/** The title of an installed questionnaire; its id when no installed form has it (a wave of a removed form). */
export function titleOf(
  t: Translate,
  questionnaires: ReadonlyMap<string, Questionnaire>,
  id: string,
): string {
  const questionnaire = questionnaires.get(id);
  return questionnaire ? questionnaireTitle(t, questionnaire) : id;
}
