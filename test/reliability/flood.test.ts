import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_RATE_LIMIT } from "../../src/bot/create-bot.ts";
import { stepsFor } from "../support/expert-script.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { createTestBot, type TestBot } from "../support/test-bot.ts";
import { type Account, currentQuestion, onboardedExpert, t } from "./expert-journey.ts";

const FLOODER: Account = { id: 666, first_name: "Flood", language_code: "en" };
const CALM: Account = { id: 777, first_name: "Calm", language_code: "en" };
const FLOOD_SIZE = 300;

/** How many answers the calm expert's response holds. */
async function calmAnswerCount(testBot: TestBot): Promise<number> {
  const { services } = testBot;
  const wave = (await services.waves.openWave("education"))!;
  const response = (await services.drafts.find(
    wave.id,
    services.pseudonyms.anonymousRespondent(CALM.id, "education"),
  ))!;
  return Object.keys(await services.drafts.answersOf(response.id)).length;
}

/** Whether the bot wrote anything to the chat since call number `since`. */
function wroteTo(testBot: TestBot, chatId: number, since: number): boolean {
  return testBot.telegram.calls
    .slice(since)
    .some((call) => call.method !== "answerCallbackQuery" && Number(call.payload.chat_id) === chatId);
}

/** The calm expert answers the question on screen the scripted way; returns whether every step got a reply. */
async function answerOne(testBot: TestBot): Promise<boolean> {
  const current = (await currentQuestion(testBot, CALM, "education", true))!;
  let replied = true;
  for (const step of stepsFor(t, questionnaire("education"), current)) {
    const since = testBot.telegram.calls.length;
    const update =
      "press" in step
        ? testBot.telegram.pressUpdate(CALM, step.press)
        : testBot.telegram.textUpdate(CALM, step.type);
    await testBot.bot.handleUpdate(update);
    replied &&= wroteTo(testBot, CALM.id, since);
  }
  return replied;
}

describe("a flood from one user", () => {
  // The limiter forgets its counts on an interval: frozen here, so the window lasts the whole flood whatever
  // the machine's speed, and is moved on by hand.
  afterEach(async () => {
    vi.useRealTimers();
  });

  it("is cut to the rate limit while another expert's answers are all handled", async () => {
    vi.useFakeTimers({ toFake: ["setInterval"] });
    const testBot = await createTestBot({ rateLimit: DEFAULT_RATE_LIMIT });
    await onboardedExpert(testBot, CALM, "education", true);
    vi.advanceTimersByTime(DEFAULT_RATE_LIMIT.timeFrameMs);

    const answeredBefore = await calmAnswerCount(testBot);
    let served = 0;
    let calmAnswers = 0;
    for (let index = 0; index < FLOOD_SIZE; index++) {
      const since = testBot.telegram.calls.length;
      const text = index % 10 === 0 ? "/start" : `spam ${index}`;
      await testBot.bot.handleUpdate(testBot.telegram.textUpdate(FLOODER, text));
      if (wroteTo(testBot, FLOODER.id, since)) served++;
      if (index % 30 === 15) {
        expect(await answerOne(testBot)).toBe(true);
        calmAnswers++;
      }
    }

    expect(served).toBe(DEFAULT_RATE_LIMIT.limit);
    expect(await calmAnswerCount(testBot)).toBe(answeredBefore + calmAnswers);

    vi.advanceTimersByTime(DEFAULT_RATE_LIMIT.timeFrameMs);
    const since = testBot.telegram.calls.length;
    await testBot.bot.handleUpdate(testBot.telegram.textUpdate(FLOODER, "/help"));
    expect(wroteTo(testBot, FLOODER.id, since)).toBe(true);
  });

  it("of button presses changes nothing over the limit and stops only the first spinner", async () => {
    vi.useFakeTimers({ toFake: ["setInterval"] });
    const testBot = await createTestBot({ rateLimit: DEFAULT_RATE_LIMIT });
    const participant = () =>
      testBot.services.participants.find(testBot.services.pseudonyms.participant(FLOODER.id));
    for (let index = 0; index < DEFAULT_RATE_LIMIT.limit; index++) {
      await testBot.bot.handleUpdate(testBot.telegram.textUpdate(FLOODER, "/start"));
    }
    const before = await participant();
    const answered = () => testBot.telegram.callsOf("answerCallbackQuery").length;

    for (let index = 0; index < 100; index++) {
      await testBot.bot.handleUpdate(testBot.telegram.pressUpdate(FLOODER, /Қазақша/));
    }
    expect(answered()).toBe(1);
    expect(await participant()).toEqual(before);

    vi.advanceTimersByTime(DEFAULT_RATE_LIMIT.timeFrameMs);
    await testBot.bot.handleUpdate(testBot.telegram.pressUpdate(FLOODER, /Қазақша/));
    expect((await participant())?.language).toBe("kk");
  });
});
