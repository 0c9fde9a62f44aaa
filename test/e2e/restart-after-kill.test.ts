import { afterEach, beforeEach, expect, it, onTestFailed } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { receiptHash } from "../../src/privacy/receipts.ts";
import type { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { studyText } from "../support/questionnaires.ts";
import type { BotProcess } from "./bot-process.ts";
import { planOf } from "./expert-plans.ts";
import { disposeHarness, startHarness } from "./harness.ts";
import { readSurveyDatabase } from "./survey-database.ts";
import { SurveyExpert } from "./survey-expert.ts";

const translations = Translations.load();

let emulator: BotApiEmulator;
let bot: BotProcess;
let dataDir: string;

beforeEach(async () => {
  ({ emulator, bot, dataDir } = await startHarness("kill"));
  onTestFailed(() => console.error(`Bot log:\n${bot.output()}`));
});

afterEach(async () => {
  await disposeHarness({ emulator, bot, dataDir });
});

/** What an expert sees in the chat: every bot message with its text, buttons and edit count. */
function chatOf(expert: SurveyExpert) {
  return expert.user
    .messages()
    .map(({ message_id, text, buttons, edits }) => ({ message_id, text, buttons, edits }));
}

it("experts whose bot is killed mid-questionnaire continue at the same question to one response each", async () => {
  await bot.start();
  const viaStart = new SurveyExpert(
    emulator.user({ id: 720_001, first_name: "Aruzhan", language_code: "kk" }),
    planOf("kk", "education", true, 6),
    translations,
  );
  const viaButton = new SurveyExpert(
    emulator.user({ id: 720_002, first_name: "Oksana", language_code: "ru" }),
    planOf("ru", "healthcare", false, 14),
    translations,
  );
  const answered = 7;
  // One expert stops between questions; the other in the middle of a multi-select, one option ticked.
  const [, ticked] = await Promise.all([
    viaStart.onboard().then(() => viaStart.answerQuestions(answered)),
    viaButton.onboard().then(async () => {
      while (viaButton.questionOnScreen()?.question.type !== "select_multiple")
        await viaButton.answerCurrent();
      const onScreen = viaButton.questionOnScreen()!;
      const plan = viaButton.planFor(onScreen.question);
      await viaButton.perform(plan.steps[0]!);
      return { onScreen, plan };
    }),
  ]);
  const interrupted = viaStart.questionOnScreen()!;
  expect(emulator.pendingUpdates()).toBe(0);
  const chatsBefore = [chatOf(viaStart), chatOf(viaButton)];

  expect(await bot.kill()).toEqual({ code: null, signal: "SIGKILL" });
  await bot.restart();
  await emulator.waitForIdle();
  // Every update was confirmed before the kill: the new process must not act on any of them again.
  expect([chatOf(viaStart), chatOf(viaButton)]).toEqual(chatsBefore);

  const kk = viaStart.t;
  await viaStart.type("/start");
  expect(viaStart.screen().buttons).toEqual([[kk("buttons.continue")], [kk("buttons.restart")]]);
  expect(viaStart.screen().text).toBe(
    kk("resume.prompt", {
      title: studyText(kk, "titles.education"),
      position: answered + 1,
      total: interrupted.total,
    }),
  );
  await viaStart.press(kk("buttons.continue"));
  expect(viaStart.questionOnScreen()).toMatchObject({
    question: interrupted.question,
    position: answered + 1,
  });

  // The multi-select is still on screen with its tick: the expert just goes on pressing its buttons.
  for (const step of ticked.plan.steps.slice(1)) await viaButton.perform(step, ticked.onScreen.messageId);
  viaButton.recordAnswer(ticked.onScreen, ticked.plan);
  expect(viaButton.questionOnScreen()?.messageId).toBe(ticked.onScreen.messageId);

  await Promise.all([viaStart.answerUntilReview(), viaButton.answerUntilReview()]);
  for (const expert of [viaStart, viaButton]) {
    const review = expert.screen().text;
    for (const [questionId, shown] of expert.given) {
      const question = expert.questionnaire.questions.find((q) => q.id === questionId)!;
      expect(review).toContain(`${expert.questionTitle(question)}: ${shown}`);
    }
  }
  const receipts = await Promise.all([viaStart.submit(), viaButton.submit()]);
  await bot.stop();

  const stored = readSurveyDatabase(bot.databasePath);
  expect(stored.responses).toHaveLength(2);
  for (const [index, expert] of [viaStart, viaButton].entries()) {
    const response = stored.responses.find((row) => row.receipt_hash === receiptHash(receipts[index]!))!;
    expect(response).toMatchObject({ questionnaire: expert.plan.questionnaire, answers: expert.given.size });
    expect(response.submitted_at).not.toBeNull();
    expect(Object.keys(stored.answersOf(response.id)).sort()).toEqual([...expert.given.keys()].sort());
  }
  expect(viaStart.positions).toHaveLength(interrupted.total);
});
