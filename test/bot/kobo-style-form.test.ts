// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to a question as ${name}
import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import { formOf, table } from "../questionnaire/xlsform/form-tables.ts";
import { createTestBot, expert } from "../support/test-bot.ts";

const t = Translations.load().forLanguage("en");
const COORDINATOR = 42;

/** As Kobo exports a form: a mixed-case id with digits and a hyphen, choices named by numbers. */
const KOBO_FORM = {
  survey: table(`
    | type              | name     | label::English (en) | label::Қазақша (kk) | label::Русский (ru) | required | relevant               |
    | select_one agree  | services | Services are enough | Қызмет жеткілікті   | Услуг достаточно    | yes      |                        |
    | text              | why      | Why not?            | Неге?               | Почему?             | yes      | selected(\${services}, '2') |
  `),
  choices: table(`
    | list_name | name | label::English (en) | label::Қазақша (kk) | label::Русский (ru) |
    | agree     | 1    | Yes                 | Иә                  | Да                  |
    | agree     | 2    | No                  | Жоқ                 | Нет                 |
  `),
  settings: table(`
    | form_id           | version | default_language | form_title::English (en) | form_title::Қазақша (kk) | form_title::Русский (ru) |
    | aKx4-Services2024 | 7       | en               | Services                 | Қызметтер                | Услуги                   |
  `),
};

describe("a form as Kobo writes it", () => {
  it("is answered through its deep link and paged through in /summary", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const { services } = testBot;
    const form = formOf(KOBO_FORM).form;
    services.questionnaires.install(
      questionnaireFromForm(form, { otherLabel: services.translations.inEveryLanguage("other_option") }),
    );
    await services.waves.ensureFirstWaves([form.id], services.now());

    const user = expert(testBot, { id: 501, language_code: "en" });
    await user.send("/start aKx4-Services2024");
    await user.press(/English/);
    await user.press(t("consent.agree"));
    await user.press(t("anonymity.anonymous"));
    await user.press("No");
    await user.send("Too few clinics");
    await user.press(t("buttons.submit"));
    expect((await services.results.submitted(form.id))[0]?.answers).toEqual({
      services: { kind: "choice", option: "2" },
      why: { kind: "text", value: "Too few clinics" },
    });

    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/summary");
    await coordinator.press("Services");
    await coordinator.press("Wave 1");
    await coordinator.press("▶️");
    expect(coordinator.last().text).toContain("No: 100.0% (1)");

    await coordinator.send("/wave_close akx4-services2024");
    expect(coordinator.last().text).toBe(
      t("waves:waves.closed", { title: "Services", number: 1, submitted: 1, unfinished: 0 }),
    );
  });
});
