import type { Translate } from "../src/i18n/translator.ts";
import { applyAction, startResponse } from "../src/questionnaire/response-flow.ts";
import type { Questionnaire } from "../src/questionnaire/types.ts";
import { stepsFor } from "../test/support/expert-script.ts";
import { studyText } from "../test/support/questionnaires.ts";
import { actionsFor } from "../test/support/scripted-answers.ts";

/** One thing an expert does: type a text (or command), or press the button with this label. */
export type ExpertStep = ({ type: string } | { press: string }) & {
  /** The step that completes a question's answer (the bot stores it). */
  endsAnswer?: true;
};

export interface ExpertScript {
  steps: ExpertStep[];
  /** Answers the script gives, i.e. rows it must leave in the answers table. */
  answers: number;
}

/**
 * /start → English → consent → the questionnaire → anonymously → every question the scripted way (first
 * option, fixed texts) → submit. The questions come from the pure flow, so the script follows the
 * questionnaire's own order and conditions.
 */
export function anonymousScript(t: Translate, questionnaire: Questionnaire): ExpertScript {
  const steps: ExpertStep[] = [
    { type: "/start" },
    { press: "English" },
    { press: t("consent.agree") },
    { press: studyText(t, `titles.${questionnaire.id}`) },
    { press: t("anonymity.anonymous") },
  ];
  let state = startResponse(questionnaire, true);
  const answered = new Set<string>();
  for (let guard = 0; state.current !== null && guard < questionnaire.questions.length; guard++) {
    const question = questionnaire.questions.find((candidate) => candidate.id === state.current)!;
    const questionSteps: ExpertStep[] = stepsFor(t, questionnaire, question.id);
    questionSteps[questionSteps.length - 1]!.endsAnswer = true;
    steps.push(...questionSteps);
    for (const action of actionsFor(question)) state = applyAction(questionnaire, state, action).state;
    answered.add(question.id);
  }
  if (state.current !== null) throw new Error(`the scripted ${questionnaire.id} questionnaire did not end`);
  steps.push({ press: t("buttons.submit") });
  return { steps, answers: answered.size };
}
