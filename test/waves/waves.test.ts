import { describe, expect, it } from "vitest";
import { answers, experts, responses } from "../../src/db/sqlite/schema.ts";
import { studyText } from "../support/questionnaires.ts";
import { answerOn, onboard, openResponse, seedResponse, t } from "../support/study-bot.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const COORDINATOR = 42;

function rowCounts(testBot: TestBot) {
  const { db } = testBot;
  return {
    responses: db.select().from(responses).all().length,
    answers: db.select().from(answers).all().length,
    experts: db.select().from(experts).all().length,
  };
}

describe("waves", () => {
  it("/waves lists each questionnaire's waves with dates, counts and whether they are open", async () => {
    const clock = { now: new Date("2026-03-01T09:00:00Z") };
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR], now: () => clock.now });
    seedResponse(testBot, { questionnaire: "education", respondentKey: "a" });
    seedResponse(testBot, { questionnaire: "education", respondentKey: "b" });
    seedResponse(testBot, { questionnaire: "education", respondentKey: "c", draft: true });
    clock.now = new Date("2026-04-15T09:00:00Z");
    testBot.services.waves.openNext("education", clock.now);
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });

    await coordinator.send("/waves");

    const text = coordinator.last().text;
    expect(text).toContain(
      "Wave 1: 2026-03-01 – 2026-04-15, closed · submitted: 2, unfinished: 1\nWave 2: since 2026-04-15, open · submitted: 0, unfinished: 0",
    );
    expect(text).toContain("<b>Healthcare</b>\nWave 1: since 2026-03-01, open");
  });

  it("/wave_open closes the current wave and opens the next only after the confirmation", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    seedResponse(testBot, { questionnaire: "education", respondentKey: "a" });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });

    await coordinator.send("/wave_open education");

    expect(coordinator.last().text).toContain(
      "Close wave 1 of Education (submitted: 1, unfinished: 0) and open wave 2?",
    );
    expect(coordinator.labels()).toEqual(["✅ Open wave 2", "Cancel"]);
    expect(testBot.services.waves.list("education").map((wave) => wave.number)).toEqual([1]);

    await coordinator.press("✅ Open wave 2");

    const waves = testBot.services.waves.list("education");
    expect(waves.map((wave) => [wave.number, wave.closedAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(testBot.services.waves.openWave("healthcare")?.number).toBe(1);
    expect(coordinator.last().text).toBe(
      "Wave 2 of Education is open.\n\nInvitations to Education, wave 2: sent: 0, blocked the bot: 0, failed: 0.",
    );
  });

  it("a second press on the confirmation (or a stale one) opens no second wave", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/wave_open healthcare");
    const confirmation = testBot.telegram.pressUpdate({ id: COORDINATOR }, "✅ Open wave 2");

    await testBot.bot.handleUpdate(confirmation);
    await testBot.bot.handleUpdate({ ...confirmation, update_id: confirmation.update_id + 100 });

    expect(testBot.services.waves.list("healthcare").map((wave) => wave.number)).toEqual([1, 2]);
    expect(testBot.telegram.toasts().at(-1)).toBe(
      "The waves have changed since this question: nothing was done. Send /waves to see them.",
    );
  });

  it("Cancel changes nothing", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/wave_open education");
    await coordinator.press("Cancel");
    expect(coordinator.last().text).toBe("Nothing was changed.");
    expect(testBot.services.waves.list("education")).toHaveLength(1);
  });

  it("/wave_close closes the open wave, and a command without a questionnaire explains itself", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/wave_close");
    expect(coordinator.last().text).toBe(
      "Please name the questionnaire: /wave_close <questionnaire>, one of: education, healthcare.",
    );
    await coordinator.send("/wave_close education");
    expect(coordinator.last().text).toBe(
      "Wave 1 of Education is closed. Submitted: 0; unfinished, now frozen: 0.",
    );
    expect(testBot.services.waves.openWave("education")).toBeUndefined();
    await coordinator.send("/wave_close education");
    expect(coordinator.last().text).toBe("Education has no open wave.");
  });

  it("experts and coordinators in groups get no wave commands", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const stranger = expert(testBot, { id: 5, language_code: "en" });
    for (const command of ["/waves", "/wave_open education", "/wave_close education", "/invite education"]) {
      await stranger.send(command);
      expect(stranger.last().text).toBe("Sorry, this command is not available to you.");
    }
    await testBot.bot.handleUpdate(testBot.telegram.callbackUpdate({ id: 5 }, "wave:open:education:1", 1));
    expect(testBot.telegram.toasts().at(-1)).toBe("Sorry, this command is not available to you.");
    expect(testBot.services.waves.list("education")).toHaveLength(1);
  });
});

describe("a closed wave", () => {
  it("keeps its responses frozen: an expert who was answering is told so and nothing changes", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const user = expert(testBot, { id: 301, language_code: "en" });
    await onboard(user, "education", true);
    await answerOn(testBot, user, 301, "education", true, { stopBefore: "access_relevance" });
    const before = openResponse(testBot, 301, "education", true)!;
    const answersBefore = testBot.services.responses.answersOf(before.id);

    await expert(testBot, { id: COORDINATOR, language_code: "en" }).send("/wave_close education");
    await user.press(studyText(t, "choices.access_relevance.very_relevant"));
    await user.send("/start");

    expect(testBot.telegram.chat(301).map((message) => message.text)).toContain(t("no_open_wave"));
    const after = testBot.services.responses.byId(before.id)!;
    expect(after).toEqual(before);
    expect(testBot.services.responses.answersOf(before.id)).toEqual(answersBefore);
  });

  it("stays frozen when the next wave opens: the expert starts afresh in the new wave", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const user = expert(testBot, { id: 302, language_code: "en" });
    await onboard(user, "education", true);
    await user.press("Shymkent");
    const wave1 = openResponse(testBot, 302, "education", true)!;
    testBot.services.waves.openNext("education", new Date());

    await user.send("/start");
    await user.press("Education");
    await user.press(t("anonymity.anonymous"));
    await user.press("Turkestan region");

    const wave2 = openResponse(testBot, 302, "education", true)!;
    expect(wave2.id).not.toBe(wave1.id);
    expect(testBot.services.responses.answersOf(wave1.id)).toEqual({
      region: { kind: "choice", option: "shymkent" },
    });
    expect(testBot.services.responses.byId(wave1.id)).toEqual(wave1);
  });
});

describe("an expert who arrives when no wave is open", () => {
  it.each([
    ["chooses the questionnaire", "/start"],
    ["follows a deep link", "/start healthcare"],
  ])("is told kindly when they %s, and nothing is stored", async (_how, start) => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    testBot.services.waves.close("healthcare", new Date());
    const user = expert(testBot, { id: 303, language_code: "en" });

    await user.send(start);
    await user.press(/English/);
    await user.press(t("consent.agree"));
    if (start === "/start") await user.press("Healthcare");

    expect(user.last().text).toBe(t("no_open_wave"));
    expect(t("no_open_wave")).toMatch(/Thank you for your interest/);
    expect(rowCounts(testBot)).toEqual({ responses: 0, answers: 0, experts: 0 });
  });

  it("who had the anonymity choice on screen is told at their choice, and nothing is stored", async () => {
    const testBot = createTestBot({ coordinatorIds: [COORDINATOR] });
    const user = expert(testBot, { id: 304, language_code: "en" });
    await user.send("/start healthcare");
    await user.press(/English/);
    await user.press(t("consent.agree"));
    testBot.services.waves.close("healthcare", new Date());

    await user.press(t("anonymity.named"));

    expect(user.last().text).toBe(t("no_open_wave"));
    expect(rowCounts(testBot)).toEqual({ responses: 0, answers: 0, experts: 0 });
  });
});
