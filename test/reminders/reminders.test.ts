import { afterEach, describe, expect, it, vi } from "vitest";
import { ReminderScheduler } from "../../src/bot/reminders/reminder-scheduler.ts";
import { studyText } from "../support/questionnaires.ts";
import { completeQuestionnaire, onboard, openResponse, t } from "../support/study-bot.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const HOUR = 60 * 60 * 1000;
const REMINDER = /^You started the questionnaire “Education” and stopped at question 2 of 25\./;

async function botWithClock() {
  const clock = { now: new Date("2026-03-01T09:00:00Z") };
  const testBot = await createTestBot({ now: () => clock.now });
  const later = (hours: number) => {
    clock.now = new Date(clock.now.getTime() + hours * HOUR);
  };
  return { testBot, later };
}

/** A named expert who answered the first question and stopped. */
async function namedDraft(
  testBot: TestBot,
  id: number,
  questionnaire: "education" | "healthcare" = "education",
) {
  const user = expert(testBot, { id, language_code: "en" });
  await onboard(user, questionnaire, false);
  await user.send("Aigerim Bekova");
  return user;
}

function remindersTo(testBot: TestBot, chatId: number) {
  return testBot.telegram
    .chat(chatId)
    .filter((message) => message.text.startsWith("You started the questionnaire"));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("reminders", () => {
  it("go once, 24 hours after the last answer, to named experts with an unfinished questionnaire", async () => {
    const { testBot, later } = await botWithClock();
    const scheduler = new ReminderScheduler(testBot.services);
    await namedDraft(testBot, 501);
    const anonymous = expert(testBot, { id: 502, language_code: "en" });
    await onboard(anonymous, "education", true);
    await anonymous.press("Shymkent");

    later(23);
    expect(await scheduler.remindDue()).toBe(0);
    later(1);
    expect(await scheduler.remindDue()).toBe(1);
    later(48);
    expect(await scheduler.remindDue()).toBe(0);

    const [reminder, ...more] = remindersTo(testBot, 501);
    expect(more).toEqual([]);
    expect(reminder?.text).toMatch(REMINDER);
    expect(reminder?.buttons.flat().map((button) => button.text)).toEqual([
      "▶️ Continue",
      "🔕 No more reminders",
    ]);
    expect(remindersTo(testBot, 502)).toEqual([]);
  });

  it("are not sent for a submitted questionnaire or a closed wave", async () => {
    const { testBot, later } = await botWithClock();
    const scheduler = new ReminderScheduler(testBot.services);
    await completeQuestionnaire(
      testBot,
      expert(testBot, { id: 503, language_code: "en" }),
      503,
      "education",
      false,
    );
    await namedDraft(testBot, 507, "healthcare");
    await testBot.services.waves.close("healthcare", new Date());
    later(30);
    expect(await scheduler.remindDue()).toBe(0);
    expect(remindersTo(testBot, 503)).toEqual([]);
    expect(remindersTo(testBot, 507)).toEqual([]);
  });

  it("bring the expert back to the question they stopped at", async () => {
    const { testBot, later } = await botWithClock();
    const user = await namedDraft(testBot, 504);
    await user.send("/start healthcare");
    expect(user.labels()).toEqual([t("anonymity.anonymous"), t("anonymity.named")]);
    later(24);
    await new ReminderScheduler(testBot.services).remindDue();

    await user.press("▶️ Continue");

    expect(user.last().text).toContain("Education · 2/25");
    expect(user.last().text).toContain(studyText(t, "questions.common.organisation.text"));
    await user.send("Shymkent school 7");
    expect((await openResponse(testBot, 504, "education", false))?.currentQuestion).toBe("position");
  });

  it("can be turned off from the reminder", async () => {
    const { testBot, later } = await botWithClock();
    const user = await namedDraft(testBot, 505);
    later(24);
    const scheduler = new ReminderScheduler(testBot.services);
    await scheduler.remindDue();

    await user.press("🔕 No more reminders");

    expect(testBot.telegram.toasts().at(-1)).toBe("Reminders are off.");
    const pseudonym = testBot.services.pseudonyms.participant(505);
    expect((await testBot.services.experts.find(pseudonym))?.remindersEnabled).toBe(false);
    const markup = testBot.telegram.callsOf("editMessageReplyMarkup").at(-1)?.payload.reply_markup;
    expect(JSON.stringify(markup)).not.toContain("rem:off");
    await user.send("/start healthcare");
    await user.press(t("anonymity.named"));
    await user.send("Aigerim Bekova");
    later(30);
    expect(await scheduler.remindDue()).toBe(0);
  });

  it("run on a timer once started, and stop with the bot", async () => {
    const { testBot, later } = await botWithClock();
    await namedDraft(testBot, 506);
    later(25);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const scheduler = new ReminderScheduler(testBot.services, 60_000);

    scheduler.start();
    expect(remindersTo(testBot, 506)).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(remindersTo(testBot, 506)).toHaveLength(1));
    await scheduler.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("are sent by one instance of several: the one holding the lease, until it stops renewing it", async () => {
    const { testBot, later } = await botWithClock();
    const minutes = (count: number) => later(count / 60);
    await namedDraft(testBot, 507);
    await namedDraft(testBot, 508);
    minutes(2);
    await namedDraft(testBot, 509);
    minutes(24 * 60 - 1);
    const first = new ReminderScheduler(testBot.services, 60_000);
    const second = new ReminderScheduler(testBot.services, 60_000);

    expect(await first.remindDueIfLeased()).toBe(2);
    minutes(1.5);
    // 509 is due now, but the first instance's lease (two rounds long) still runs: the second sends nothing.
    expect(await second.remindDueIfLeased()).toBe(0);
    expect(await first.remindDueIfLeased()).toBe(1);
    for (const chat of [507, 508, 509]) expect(remindersTo(testBot, chat)).toHaveLength(1);
    // The first instance stops renewing (it crashed): once its lease has run out, the second takes it.
    await namedDraft(testBot, 510);
    later(25);
    expect(await second.remindDueIfLeased()).toBe(1);
    expect(remindersTo(testBot, 510)).toHaveLength(1);
  });
});
