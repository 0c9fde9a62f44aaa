import { describe, expect, it } from "vitest";
import type { Language } from "../../src/i18n/translator.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { stepsFor } from "../support/expert-script.ts";
import { questionnaire, studyText } from "../support/questionnaires.ts";
import { receiptIn, responseByReceipt } from "../support/receipts.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const translations = Translations.load();
const LANGUAGE_LABEL: Record<Language, string> = { kk: "Қазақша", ru: "Русский", en: "English" };

async function responseOf(testBot: TestBot, userId: number, questionnaireId: string, anonymous: boolean) {
  const { services } = testBot;
  const wave = (await services.waves.openWave(questionnaireId))!;
  const key = anonymous
    ? services.pseudonyms.anonymousRespondent(userId, questionnaireId)
    : services.pseudonyms.participant(userId);
  return await services.drafts.find(wave.id, key);
}

/** /start → language → consent → questionnaire → anonymity, by the labels an expert sees. */
async function onboard(
  _testBot: TestBot,
  user: ReturnType<typeof expert>,
  language: Language,
  questionnaireId: string,
  anonymous: boolean,
) {
  const t = translations.forLanguage(language);
  await user.send("/start");
  await user.press(new RegExp(LANGUAGE_LABEL[language]));
  await user.press(t("consent.agree"));
  await user.press(studyText(t, `titles.${questionnaireId}`));
  await user.press(t(anonymous ? "anonymity.anonymous" : "anonymity.named"));
}

/** Answers every question the scripted way until the review screen shows. */
async function answerAll(
  testBot: TestBot,
  user: ReturnType<typeof expert>,
  userId: number,
  language: Language,
  id: "education" | "healthcare",
  anonymous: boolean,
) {
  const t = translations.forLanguage(language);
  for (let guard = 0; guard < 60; guard++) {
    const current = (await responseOf(testBot, userId, id, anonymous))!.currentQuestion;
    if (current === null) return;
    for (const step of stepsFor(t, questionnaire(id), current)) {
      if ("press" in step) await user.press(step.press);
      else await user.send(step.type);
    }
  }
  throw new Error("the questionnaire did not end");
}

describe("an expert answering in Telegram", () => {
  it.each([
    ["en", "education", true],
    ["ru", "healthcare", false],
    ["kk", "education", false],
  ] as const)(
    "completes the questionnaire in %s (%s, anonymous: %s) and gets a receipt",
    async (language, id, anonymous) => {
      const testBot = await createTestBot();
      const userId = 501;
      const user = expert(testBot, { id: userId, language_code: language });
      const t = translations.forLanguage(language);
      await onboard(testBot, user, language, id, anonymous);
      await answerAll(testBot, user, userId, language, id, anonymous);
      expect(user.last().text).toContain(t("review.title").replace(/<\/?b>/g, ""));
      await user.press(t("buttons.submit"));
      const receipt = receiptIn(user.last().text)!;
      const response = (await responseByReceipt(testBot, receipt))!;
      expect(response.submittedAt).not.toBeNull();
      expect(response.anonymous).toBe(anonymous);
      const answers = await testBot.services.drafts.answersOf(response.id);
      expect(Object.keys(answers)).toHaveLength(anonymous ? 21 : id === "education" ? 25 : 24);
    },
  );

  it("preselects the language of the Telegram app and edits the question in place", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 7, language_code: "ru" });
    await user.send("/start");
    expect(user.labels()[0]).toBe("✅ Русский");
    await user.press("✅ Русский");
    await user.press(translations.forLanguage("ru")("consent.agree"));
    await user.press("Образование");
    await user.press(translations.forLanguage("ru")("anonymity.anonymous"));
    const screen = user.last();
    expect(screen.text).toContain("1/21");
    await user.press("Шымкент");
    expect(user.last().messageId).toBe(screen.messageId);
    expect(user.last().text).toContain("2/21");
  });

  it("opens the questionnaire from a deep link", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 8, language_code: "en" });
    await user.send("/start healthcare");
    await user.press(/English/);
    await user.press("✅ I agree, let's start");
    expect(user.labels()).toEqual(["🕶 Anonymously", "👤 With my name"]);
    await user.press("🕶 Anonymously");
    expect(user.last().text).toContain("Healthcare · 1/");
  });

  it("shows ✅ on ticked options and refuses an empty Done with a message", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 9, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    await answerUntil(testBot, user, 9, "barriers");
    await user.press("Done ➡️");
    expect(testBot.telegram.toasts().at(-1)).toBe("Please choose at least one option first.");
    const label = studyText(translations.forLanguage("en"), "choices.barriers.language_barrier");
    await user.press(label);
    expect(user.labels()).toContain(`✅ ${label}`);
    await user.press(studyText(translations.forLanguage("en"), "choices.barriers.all_of_the_above"));
    expect(user.labels().filter((l) => l.startsWith("✅"))).toHaveLength(1);
  });

  it("answers bad input in the expert's language and stores nothing", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 10, language_code: "ru" });
    await onboard(testBot, user, "ru", "education", true);
    await user.send("какой-то текст");
    const ru = translations.forLanguage("ru");
    expect(testBot.telegram.chat(10).at(-2)?.text).toBe(ru("problems.use_buttons"));
    expect(ru("problems.use_buttons")).toMatch(/кнопо?к/);
    await user.press("Шымкент");
    await user.send("сто");
    expect(testBot.telegram.chat(10).at(-2)?.text).toBe(
      translations.forLanguage("ru")("problems.not_a_number"),
    );
    await user.send("61");
    expect(testBot.telegram.chat(10).at(-2)?.text).toBe(
      translations.forLanguage("ru")("problems.out_of_range", { min: 0, max: 60 }),
    );
    const response = (await responseOf(testBot, 10, "education", true))!;
    expect(Object.keys(await testBot.services.drafts.answersOf(response.id))).toEqual(["region"]);
    expect(response.currentQuestion).toBe("experience_years");
  });

  it("records a double tap once and ignores a button of an earlier question", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 11, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    const tap = testBot.telegram.pressUpdate({ id: 11 }, "Shymkent");
    await testBot.bot.handleUpdate(tap);
    await testBot.bot.handleUpdate({ ...tap, update_id: tap.update_id + 1000 });
    const response = (await responseOf(testBot, 11, "education", true))!;
    expect(response.currentQuestion).toBe("experience_years");
    expect(testBot.telegram.toasts().at(-1)).toBe(
      "That button belongs to an earlier step: nothing was changed.",
    );
  });

  it("offers to continue or start over on /start, and continues at the same question", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 12, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    await user.press("Shymkent");
    await user.send("/start");
    expect(user.labels()).toEqual(["▶️ Continue", "🔄 Start over"]);
    expect(user.last().text).toContain("question 2 of 21");
    await user.press("▶️ Continue");
    expect(user.last().text).toContain("2/21");
  });

  it("goes back with Back, keeping the earlier answer", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 13, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    await user.press("Shymkent");
    await user.press("◀️ Back");
    expect(user.labels()).toContain("✅ Shymkent");
  });

  it("answers an unknown command with a hint", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 14, language_code: "en" });
    await user.send("/frobnicate");
    expect(user.last().text).toBe("I don't know that command. Send /help to see what I can do.");
  });
});

async function answerUntil(
  testBot: TestBot,
  user: ReturnType<typeof expert>,
  userId: number,
  questionId: string,
) {
  const t = translations.forLanguage("en");
  for (;;) {
    const current = (await responseOf(testBot, userId, "education", true))!.currentQuestion!;
    if (current === questionId) return;
    for (const step of stepsFor(t, questionnaire("education"), current)) {
      if ("press" in step) await user.press(step.press);
      else await user.send(step.type);
    }
  }
}

describe("messages that are not answers", () => {
  it("a message typed before the question on screen is not its answer: a retyped name stays a name", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 16, language_code: "en" });
    const en = translations.forLanguage("en");
    await onboard(testBot, user, "en", "education", false);
    // Both typed while the name question was on screen; the second arrives after the bot moved on.
    const name = testBot.telegram.textUpdate({ id: 16 }, "Aigerim Nurova");
    const retyped = testBot.telegram.textUpdate({ id: 16 }, "Aigerim Nurova");
    await testBot.bot.handleUpdate(name);
    await testBot.bot.handleUpdate(retyped);

    const response = (await responseOf(testBot, 16, "education", false))!;
    expect(await testBot.services.drafts.answersOf(response.id)).toEqual({
      full_name: { kind: "text", value: "Aigerim Nurova" },
    });
    expect(response.currentQuestion).toBe("organisation");
    expect(testBot.telegram.chat(16).at(-2)?.text).toBe(en("problems.before_question"));
    expect(user.last().text).toContain(studyText(en, "questions.common.organisation.text"));

    await user.send("School No. 12");
    expect((await testBot.services.drafts.answersOf(response.id)).organisation).toEqual({
      kind: "text",
      value: "School No. 12",
    });
  });

  it("an edited message is not taken as an answer, and the expert is told so", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 15, language_code: "en" });
    await user.send("/start");
    const update = testBot.telegram.textUpdate({ id: 15 }, "12");
    const edited = { update_id: update.update_id, edited_message: { ...update.message!, edit_date: 1 } };
    await testBot.bot.handleUpdate(edited as never);
    expect(user.last().text).toBe(
      "Edited messages are not taken into account. Please send your answer as a new message.",
    );
  });
});

describe("commands at any point", () => {
  it("/language switches the language and shows the same question in it", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 16, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    await user.press("Shymkent");
    await user.send("/language");
    await user.press("Қазақша");
    expect(user.last().text).toContain("Білім беру · 2/21");
    expect((await responseOf(testBot, 16, "education", true))!.currentQuestion).toBe("experience_years");
  });

  it("/cancel stops for now, keeps the answers, and /start continues", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 17, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    await user.press("Shymkent");
    await user.send("/cancel");
    expect(user.last().text).toBe(
      "Stopped. Your answers so far are saved: send /start to continue or start over.",
    );
    await user.send("/start");
    await user.press("▶️ Continue");
    expect(user.last().text).toContain("2/21");
  });

  it("/help explains the survey in the expert's language", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 18, language_code: "ru" });
    await user.send("/help");
    expect(user.last().text).toBe(translations.forLanguage("ru")("help"));
  });

  it("Start over deletes the unfinished answers and begins with the questionnaire choice", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 19, language_code: "en" });
    await onboard(testBot, user, "en", "education", true);
    await user.press("Shymkent");
    await user.send("/start");
    await user.press("🔄 Start over");
    expect(user.labels()).toEqual(["Education", "Healthcare"]);
    expect(await responseOf(testBot, 19, "education", true)).toBeUndefined();
  });
});

describe("after submitting", () => {
  it("a named expert changes an answer while the wave is open, keeping one response", async () => {
    const testBot = await createTestBot();
    const user = expert(testBot, { id: 20, language_code: "en" });
    await onboard(testBot, user, "en", "education", false);
    await answerAll(testBot, user, 20, "en", "education", false);
    await user.press("✅ Submit");
    const first = receiptIn(user.last().text)!;
    await user.send("/start");
    expect(user.last().text).toContain("You have already completed this questionnaire");
    await user.press("✏️ Change my answers");
    await user.press("✏️ 5");
    await user.press("Turkestan region");
    expect(user.last().text.replace(/<[^>]+>/g, "")).toContain("5. Region: Turkestan region");
    await user.press("✅ Save changes");
    const response = (await responseOf(testBot, 20, "education", false))!;
    expect((await responseByReceipt(testBot, receiptIn(user.last().text)!))?.id).toBe(response.id);
    expect(await responseByReceipt(testBot, first)).toBeUndefined();
    expect((await testBot.services.drafts.answersOf(response.id)).region).toEqual({
      kind: "choice",
      option: "turkestan_region",
    });
    expect(await testBot.services.results.countSubmitted(response.waveId)).toBe(1);
  });
});
