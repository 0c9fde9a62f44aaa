import type { Translate } from "../i18n/translator.ts";
import type { Question } from "../questionnaire/types.ts";

/** The texts of a question and its options in the reader's language, for the workbook's sheets. */
export class QuestionLabels {
  constructor(private readonly t: Translate) {}

  title(questionnaireId: string): string {
    return this.t(`questionnaire:titles.${questionnaireId}`);
  }

  short(question: Question): string {
    return this.t(`questionnaire:questions.${question.textOwner}.${question.id}.short`);
  }

  text(question: Question): string {
    return this.t(`questionnaire:questions.${question.textOwner}.${question.id}.text`);
  }

  option(question: Question, optionId: string): string {
    return this.t(`questionnaire:choices.${question.choices}.${optionId}`);
  }
}
