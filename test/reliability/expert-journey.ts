import { Translations } from "../../src/i18n/translator.ts";
import { stepsFor } from "../support/expert-script.ts";
import { questionnaire, studyText } from "../support/questionnaires.ts";
import { expert, type TestBot } from "../support/test-bot.ts";

export const t = Translations.load().forLanguage("en");

export type QuestionnaireId = "education" | "healthcare";

export interface Account {
  id: number;
  first_name: string;
  username?: string;
  language_code: string;
}

/** An expert who has chosen English, agreed and picked a questionnaire and anonymity, by the labels shown. */
export async function onboardedExpert(
  testBot: TestBot,
  account: Account,
  questionnaireId: QuestionnaireId,
  anonymous: boolean,
) {
  const user = expert(testBot, account);
  await user.send("/start");
  await user.press(/English/);
  await user.press(t("consent.agree"));
  await user.press(studyText(t, `titles.${questionnaireId}`));
  await user.press(t(anonymous ? "anonymity.anonymous" : "anonymity.named"));
  return user;
}

/** The question the expert's response is on (null on the review screen). */
export async function currentQuestion(
  testBot: TestBot,
  account: Account,
  questionnaireId: QuestionnaireId,
  anonymous: boolean,
): Promise<string | null> {
  const { services } = testBot;
  const wave = (await services.waves.openWave(questionnaireId))!;
  const key = anonymous
    ? services.pseudonyms.anonymousRespondent(account.id, questionnaireId)
    : services.pseudonyms.participant(account.id);
  return (await services.drafts.find(wave.id, key))!.currentQuestion;
}

/** Answers the scripted way until `stopAt` is on screen (null: until the review screen). */
export async function answerUntil(
  testBot: TestBot,
  account: Account,
  questionnaireId: QuestionnaireId,
  anonymous: boolean,
  stopAt: string | null,
): Promise<void> {
  const user = expert(testBot, account);
  for (let guard = 0; guard < 100; guard++) {
    const current = await currentQuestion(testBot, account, questionnaireId, anonymous);
    if (current === stopAt) return;
    if (current === null) throw new Error(`the review screen came before ${stopAt}`);
    for (const step of stepsFor(t, questionnaire(questionnaireId), current)) {
      if ("press" in step) await user.press(step.press);
      else await user.send(step.type);
    }
  }
  throw new Error(`${stopAt} never came`);
}
