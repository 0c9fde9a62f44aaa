import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import { formOf, table } from "../questionnaire/xlsform/form-tables.ts";
import { createTestBot, expert } from "../support/test-bot.ts";

const translations = Translations.load();
const t = translations.forLanguage("kk");
const arrivals = questionnaireFromForm(
  formOf({
    survey: table(`
      | type | name    | label::Қазақша (kk) | label::English (en) | required |
      | date | arrived | Қашан келдіңіз?     | When did you arrive? | yes      |
    `),
    settings: table(`
      | form_id  | version | default_language | form_title::Қазақша (kk) | form_title::English (en) |
      | arrivals | 1       | kk               | Келу                     | Arrivals                 |
    `),
  }).form,
  { otherLabel: translations.inEveryLanguage("other_option") },
);

describe("an expert on a form with a date question", () => {
  it("types the date day first in Kazakh, is told when it is no date, and submits it as ISO text", async () => {
    const testBot = await createTestBot();
    const { services } = testBot;
    services.questionnaires.install(arrivals);
    await services.waves.ensureFirstWaves(["arrivals"], services.now());
    const user = expert(testBot, { id: 502, language_code: "kk" });
    await user.send("/start");
    await user.press(/Қазақша/);
    await user.press(t("consent.agree"));
    await user.press("Келу");
    await user.press(t("anonymity.anonymous"));

    expect(user.last().text).toContain(t("question.hint_date"));
    await user.send("30.02.2026");
    expect(testBot.telegram.chat(502).map((message) => message.text)).toContain(t("problems.not_a_date"));
    await user.send("8.03.2026");

    expect(user.last().text).toContain("2026-03-08");
    await user.press(t("buttons.submit"));
    const [response] = await services.results.submitted("arrivals");
    expect(response?.answers).toEqual({ arrived: { kind: "date", value: "2026-03-08" } });
  });
});
