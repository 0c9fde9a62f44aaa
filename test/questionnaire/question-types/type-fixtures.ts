import { Translations } from "../../../src/i18n/translator.ts";
import type { SpssContext, SpssRecord } from "../../../src/interchange/spss-types.ts";
import { findQuestion } from "../../../src/questionnaire/engine.ts";
import type { ResponseState } from "../../../src/questionnaire/flow-types.ts";
import { FormTexts } from "../../../src/questionnaire/form-texts.ts";
import type { AnswerValue, Question } from "../../../src/questionnaire/types.ts";
import { questionnaire } from "../../support/questionnaires.ts";

export const education = questionnaire("education");
export const en = Translations.load().forLanguage("en");

export function educationQuestion(id: string): Question {
  return findQuestion(education, id)!;
}

/** The state of an anonymous expert who is on `question` with the given answers. */
export function onQuestion(question: Question, answers: Record<string, AnswerValue> = {}): ResponseState {
  return { anonymous: true, answers, current: question.id, reviewing: false, pending: null };
}

/** What the SPSS dictionary gives a type for `question`, with the declined code -99. */
export function spssContext(question: Question): SpssContext {
  const declinable = question.optional || question.preferNotToSay === true;
  return {
    t: en,
    labels: new FormTexts("en"),
    question,
    answer: (record: SpssRecord) => record.answers[question.id],
    declinable,
    declinedCode: -99,
    declinedMissing: declinable ? { missing: -99 } : {},
    declinedLabels: declinable ? [[-99, "declined"]] : [],
  };
}

export function record(answers: Record<string, AnswerValue>): SpssRecord {
  return { respondentId: "tg-1", wave: 1, anonymous: true, source: "telegram", answers };
}
