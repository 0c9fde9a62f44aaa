import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addForm } from "../../src/cli/questionnaire-forms.ts";
import { openStore, type SurveyStore } from "../../src/db/survey-store.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { formOf, table } from "../questionnaire/xlsform/form-tables.ts";
import { createTestBot, expert } from "../support/test-bot.ts";

const t = Translations.load().forLanguage("en");

const TRANSPORT_FORM = {
  survey: table(`
    | type              | name    | label::English (en) | label::Қазақша (kk) | label::Русский (ru) | required |
    | select_one agree  | enough  | Buses are enough    | Автобус жеткілікті  | Автобусов хватает   | yes      |
  `),
  choices: table(`
    | list_name | name | label::English (en) | label::Қазақша (kk) | label::Русский (ru) |
    | agree     | yes  | Yes                 | Иә                  | Да                  |
    | agree     | no   | No                  | Жоқ                 | Нет                 |
  `),
  settings: table(`
    | form_id   | version | default_language | form_title::English (en) | form_title::Қазақша (kk) | form_title::Русский (ru) |
    | transport | 1       | en               | Transport                | Көлік                    | Транспорт                |
  `),
};

let directory: string | undefined;
let other: SurveyStore | undefined;

afterEach(async () => {
  await other?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

/**
 * A form installed by another process on the bot's database (the CLI's `questionnaire install`, another
 * instance) while the bot runs: offered on the next questionnaire screen, without a restart.
 */
describe("a form installed by another process on the same database", () => {
  it("is offered on the next questionnaire screen, and by its deep link, and is answered", async () => {
    directory = mkdtempSync(join(tmpdir(), "survey-elsewhere-"));
    const databasePath = join(directory, "survey.db");
    const testBot = await createTestBot({ databasePath });
    const first = expert(testBot, { id: 7301, language_code: "en" });
    await first.send("/start");
    await first.press(/English/);
    await first.press(t("consent.agree"));
    expect(first.labels().join(" ")).not.toContain("Transport");

    other = await openStore({ path: databasePath });
    const sheets = TRANSPORT_FORM;
    const installed = await addForm(other.forms, { form: formOf(sheets).form, sheets }, new Date());
    expect(installed.ok).toBe(true);

    const second = expert(testBot, { id: 7302, language_code: "en" });
    await second.send("/start");
    await second.press(/English/);
    await second.press(t("consent.agree"));
    await second.press("Transport");
    await second.press(t("anonymity.anonymous"));
    await second.press("No");
    await second.press(t("buttons.submit"));
    expect((await testBot.services.results.submitted("transport"))[0]?.answers).toEqual({
      enough: { kind: "choice", option: "no" },
    });

    const linked = expert(testBot, { id: 7303, language_code: "en" });
    await linked.send("/start transport");
    await linked.press(/English/);
    await linked.press(t("consent.agree"));
    expect(linked.labels()).toContain(t("anonymity.anonymous"));
  });
});
