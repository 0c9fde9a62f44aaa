import fc from "fast-check";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { LANGUAGES, Translations } from "../../src/i18n/translator.ts";
import type { ApiCall } from "../support/fake-telegram.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { completedState } from "../support/scripted-answers.ts";
import { storeAnswerByAnswer } from "../support/stored-responses.ts";
import { createTestBot, type TestBot } from "../support/test-bot.ts";
import { capturedLog } from "./captured-log.ts";
import { COORDINATOR, EXPERTS, GROUP, step, UpdateFactory } from "./junk-updates.ts";
import { storedAnswerProblems } from "./stored-answers.ts";

/** Fixed, so a failure replays: fast-check prints the seed and the path of the failing sequence. */
const SEED = 20_260_501;

const REPLIES = new Set([
  "sendMessage",
  "editMessageText",
  "sendPhoto",
  "sendDocument",
  "editMessageCaption",
]);

const translations = Translations.load();
/** All a group may ever see from the bot: that coordinator commands are not for it. */
const GROUP_TEXTS = new Set(
  LANGUAGES.flatMap((language) => {
    const t = translations.forLanguage(language);
    return [t("coordinator:not_available"), t("coordinator:private_only")];
  }),
);

interface Seeded {
  user: number;
  questionnaire: "education" | "healthcare";
  anonymous: boolean;
  submitted: boolean;
}

/** An expert who has answered everything (and maybe submitted), so junk reaches the review and Submit. */
async function seedAnswered(testBot: TestBot, seeded: Seeded): Promise<void> {
  const { services } = testBot;
  const now = new Date();
  const pseudonym = services.pseudonyms.participant(seeded.user);
  await services.participants.update(
    await services.participants.findOrCreate(pseudonym, now),
    {
      language: "en",
      consentedAt: now,
      questionnaire: seeded.questionnaire,
      anonymous: seeded.anonymous,
      stage: seeded.submitted ? "submitted" : "answering",
    },
    now,
  );
  const wave = (await services.waves.openWave(seeded.questionnaire))!;
  const state = completedState(questionnaire(seeded.questionnaire), seeded.anonymous);
  const respondentKey = seeded.anonymous
    ? services.pseudonyms.anonymousRespondent(seeded.user, seeded.questionnaire)
    : pseudonym;
  const response = await storeAnswerByAnswer(services.drafts, wave, respondentKey, state);
  if (!seeded.submitted) return;
  const receiptHash = `seeded-${response.id}`;
  if (!seeded.anonymous) await services.submissions.submit(response.id, receiptHash, now);
  else {
    const marker = services.pseudonyms.submissionMarker(respondentKey, wave.id);
    await services.submissions.seal(response.id, { receiptHash, marker, day: now });
  }
}

/** What went wrong with one update: empty when the bot behaved. */
function updateProblems(update: Update, calls: ApiCall[], errors: string[]): string[] {
  const problems = errors.map((line) => `logged an error: ${line}`);
  const message = update.message ?? update.edited_message;
  const query = update.callback_query;
  const from = message?.from ?? query?.from;
  const chat = message?.chat ?? query?.message?.chat;
  const sentTo = (chatId: number) =>
    calls.some((call) => REPLIES.has(call.method) && Number(call.payload.chat_id) === chatId);
  if (message && chat?.type === "private" && !sentTo(chat.id))
    problems.push("a private message got no reply");
  if (query) {
    const answered = calls.some(
      (call) => call.method === "answerCallbackQuery" && call.payload.callback_query_id === query.id,
    );
    if (!answered) problems.push("a button press was left spinning");
  }
  for (const call of calls) {
    if (call.payload.chat_id === undefined) continue;
    const target = Number(call.payload.chat_id);
    if (target === GROUP.id) {
      if (call.method !== "sendMessage" || !GROUP_TEXTS.has(String(call.payload.text)))
        problems.push(
          `the group was sent ${call.method}: ${String(call.payload.text ?? call.payload.caption)}`,
        );
    } else if (target !== from?.id) {
      problems.push(`user ${from?.id} made the bot write to ${target}`);
    }
  }
  return problems;
}

describe("junk from random users", () => {
  it("never breaks the bot, always answers in private and never stores an invalid answer", async () => {
    const seeded = fc.uniqueArray(
      fc.record({
        user: fc.constantFrom(...EXPERTS.map((account) => account.id)),
        questionnaire: fc.constantFrom<"education" | "healthcare">("education", "healthcare"),
        anonymous: fc.boolean(),
        submitted: fc.boolean(),
      }),
      { maxLength: 2, selector: (entry) => entry.user },
    );
    await fc.assert(
      fc.asyncProperty(seeded, fc.array(step, { minLength: 1, maxLength: 30 }), async (answered, steps) => {
        const testBot = await createTestBot({ coordinatorIds: [COORDINATOR.id] });
        const log = capturedLog();
        testBot.services.logger = log.logger;
        for (const entry of answered) await seedAnswered(testBot, entry);
        const factory = new UpdateFactory(testBot);
        for (const [index, next] of steps.entries()) {
          const update = await factory.build(next);
          if (!update) continue;
          const callsBefore = testBot.telegram.calls.length;
          await testBot.bot.handleUpdate(update);
          const problems = [
            ...updateProblems(update, testBot.telegram.calls.slice(callsBefore), log.errors()),
            ...storedAnswerProblems(testBot.db.$client, testBot.services.questionnaires),
          ];
          expect(problems, `step ${index}: ${JSON.stringify(update)}`).toEqual([]);
        }
        expect(testBot.db.$client.pragma("foreign_key_check")).toEqual([]);
        testBot.db.$client.close();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
