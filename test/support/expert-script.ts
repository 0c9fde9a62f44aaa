import { optionLabel } from "../../src/bot/screens/labels.ts";
import type { Translate } from "../../src/i18n/translator.ts";
import { findQuestion } from "../../src/questionnaire/engine.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";
import { actionsFor } from "./scripted-answers.ts";

/** What an expert does, in button labels and typed texts, to answer `questionId` the scripted way. */
export function stepsFor(
  t: Translate,
  questionnaire: Questionnaire,
  questionId: string,
): Array<{ press: string } | { type: string }> {
  const question = findQuestion(questionnaire, questionId)!;
  const label = (option: string) => optionLabel(t, question, option);
  return actionsFor(question).map((action) => {
    switch (action.type) {
      case "choose":
      case "toggle":
      case "rank":
        return { press: label(action.option) };
      case "text":
        return { type: action.text };
      default:
        return { press: t(`buttons.${action.type}`) };
    }
  });
}
