import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { fieldStudy } from "../support/field-study.ts";
import { createTestBot, expert } from "../support/test-bot.ts";

const t = Translations.load().forLanguage("en");

describe("an expert on a form with a note and a decimal question", () => {
  it("passes the note with Continue, answers the decimal with a comma, and submits", async () => {
    const testBot = await createTestBot();
    const { services } = testBot;
    services.questionnaires.install(fieldStudy);
    await services.waves.ensureFirstWaves(["field_study"], services.now());
    const user = expert(testBot, { id: 501, language_code: "en" });
    await user.send("/start");
    await user.press(/English/);
    await user.press(t("consent.agree"));
    await user.press("Field study");
    await user.press(t("anonymity.anonymous"));
    await user.press("North");

    expect(user.labels()).toEqual([t("buttons.continue"), t("buttons.back")]);
    await user.press(t("buttons.continue"));

    expect(user.last().text).toContain(t("question.hint_decimal", { min: 0, max: 80 }));
    await user.send("a lot");
    expect(testBot.telegram.chat(501).map((message) => message.text)).toContain(t("problems.not_a_decimal"));
    await user.send("37,5");

    await user.press(t("buttons.skip"));
    const review = user.last().text;
    expect(review).toContain("37.5");
    expect(review).not.toContain("intro");
    await user.press(t("buttons.submit"));

    const [response] = await services.results.submitted("field_study");
    expect(response?.answers).toEqual({
      district: { kind: "choice", option: "north" },
      hours_per_week: { kind: "decimal", value: 37.5 },
      comments: { kind: "declined" },
    });
  });
});
