import { optionLabel } from "../../src/bot/screens/labels.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { applyAction, startResponse } from "../../src/questionnaire/response-flow.ts";
import type { AnswerValue } from "../../src/questionnaire/types.ts";
import { stepsFor } from "./expert-script.ts";
import { questionnaire, studyText } from "./questionnaires.ts";
import { actionsFor } from "./scripted-answers.ts";
import type { expert, TestBot } from "./test-bot.ts";

export const t = Translations.load().forLanguage("en");

export type QuestionnaireId = "education" | "healthcare";
export type Expert = ReturnType<typeof expert>;

/** The key an expert's response is stored under in the open wave. */
export function respondentKey(testBot: TestBot, userId: number, id: QuestionnaireId, anonymous: boolean) {
  return anonymous
    ? testBot.services.pseudonyms.anonymousRespondent(userId, id)
    : testBot.services.pseudonyms.participant(userId);
}

export async function openResponse(
  testBot: TestBot,
  userId: number,
  id: QuestionnaireId,
  anonymous: boolean,
) {
  const wave = await testBot.services.waves.openWave(id);
  return wave && (await testBot.services.drafts.find(wave.id, respondentKey(testBot, userId, id, anonymous)));
}

/** /start → English → consent → questionnaire → anonymous or named, by the labels an expert sees. */
export async function onboard(user: Expert, id: QuestionnaireId, anonymous: boolean): Promise<void> {
  await user.send("/start");
  await user.press(/English/);
  await user.press(t("consent.agree"));
  await user.press(studyText(t, `titles.${id}`));
  await user.press(t(anonymous ? "anonymity.anonymous" : "anonymity.named"));
}

/**
 * Answers question after question the scripted way (first option, a number, a text), choosing the given
 * option where `choices` names one, until `stopBefore` is on screen or the review shows.
 */
export async function answerOn(
  testBot: TestBot,
  user: Expert,
  userId: number,
  id: QuestionnaireId,
  anonymous: boolean,
  options: { choices?: Record<string, string>; stopBefore?: string } = {},
): Promise<void> {
  for (let guard = 0; guard < 60; guard++) {
    const current = (await openResponse(testBot, userId, id, anonymous))?.currentQuestion;
    if (!current || current === options.stopBefore) return;
    const chosen = options.choices?.[current];
    if (chosen) {
      const question = questionnaire(id).questions.find((q) => q.id === current)!;
      await user.press(optionLabel(t, question, chosen));
      continue;
    }
    for (const step of stepsFor(t, questionnaire(id), current)) {
      if ("press" in step) await user.press(step.press);
      else await user.send(step.type);
    }
  }
  throw new Error("the questionnaire did not end");
}

/** A whole questionnaire answered and submitted through the bot. */
export async function completeQuestionnaire(
  testBot: TestBot,
  user: Expert,
  userId: number,
  id: QuestionnaireId,
  anonymous: boolean,
): Promise<void> {
  await onboard(user, id, anonymous);
  await answerOn(testBot, user, userId, id, anonymous);
  await user.press(t("buttons.submit"));
}

/**
 * A response stored the way the bot stores them: every question answered the scripted way, with the
 * given answers instead where named; submitted unless `draft`.
 */
export async function seedResponse(
  testBot: TestBot,
  options: {
    questionnaire: QuestionnaireId;
    respondentKey: string;
    anonymous?: boolean;
    answers?: Record<string, AnswerValue>;
    waveId?: number;
    draft?: boolean;
    now?: Date;
  },
) {
  const { services } = testBot;
  const definition = questionnaire(options.questionnaire);
  const anonymous = options.anonymous ?? true;
  const now = options.now ?? services.now();
  let state = startResponse(definition, anonymous);
  const response = await services.drafts.create(
    {
      waveId: options.waveId ?? (await services.waves.openWave(options.questionnaire))!.id,
      questionnaire: options.questionnaire,
      respondentKey: options.respondentKey,
      anonymous,
      source: "telegram",
    },
    state,
    now,
  );
  while (state.current !== null) {
    const question = definition.questions.find((q) => q.id === state.current)!;
    const given = options.answers?.[question.id];
    const actions = given
      ? [{ type: "choose" as const, option: given.kind === "choice" ? given.option : "" }]
      : actionsFor(question);
    for (const action of actions) {
      const step = applyAction(definition, state, action);
      if (step.problem) throw new Error(`seed: ${step.problem} at ${question.id}`);
      await services.drafts.recordStep(response.id, step, now);
      state = step.state;
    }
    if (options.draft) break;
  }
  if (!options.draft) await services.submissions.submit(response.id, `R-${response.id}`, now);
  return response;
}

export function choice(option: string): AnswerValue {
  return { kind: "choice", option };
}
