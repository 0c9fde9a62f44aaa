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

/** A one-question form with its id and English title. */
function formNamed(id: string, title: string) {
  return {
    survey: table(`
      | type              | name    | label::English (en) | label::Қазақша (kk) | label::Русский (ru) | required |
      | select_one agree  | enough  | Is it enough?       | Жеткілікті ме?      | Достаточно ли?      | yes      |
    `),
    choices: table(`
      | list_name | name | label::English (en) | label::Қазақша (kk) | label::Русский (ru) |
      | agree     | yes  | Yes                 | Иә                  | Да                  |
      | agree     | no   | No                  | Жоқ                 | Нет                 |
    `),
    settings: table(`
      | form_id | version | default_language | form_title::English (en) | form_title::Қазақша (kk) | form_title::Русский (ru) |
      | ${id}   | 1       | en               | ${title}                 | ${title}                 | ${title}                 |
    `),
  };
}

let directory: string | undefined;
let other: SurveyStore | undefined;

afterEach(async () => {
  await other?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

/** A bot on a file of its own, and the same file opened as another process would (the CLI). */
async function botAndOtherProcess() {
  directory = mkdtempSync(join(tmpdir(), "survey-elsewhere-"));
  const databasePath = join(directory, "survey.db");
  const testBot = await createTestBot({ databasePath });
  other = await openStore({ path: databasePath });
  const install = async (sheets: ReturnType<typeof formNamed>) => {
    const installed = await addForm(other!.forms, { form: formOf(sheets).form, sheets }, new Date());
    expect(installed.ok).toBe(true);
  };
  return { testBot, install };
}

/**
 * A form installed by another process on the bot's database (the CLI's `questionnaire install`, another
 * instance) while the bot runs: offered without a restart.
 */
describe("a form installed by another process on the same database", () => {
  it("is offered on the next questionnaire screen, and is answered", async () => {
    const { testBot, install } = await botAndOtherProcess();
    const first = expert(testBot, { id: 7301, language_code: "en" });
    await first.send("/start");
    await first.press(/English/);
    await first.press(t("consent.agree"));
    expect(first.labels().join(" ")).not.toContain("Transport");

    await install(formNamed("transport", "Transport"));
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
  });

  it("is reached by its deep link before any questionnaire screen has shown it", async () => {
    const { testBot, install } = await botAndOtherProcess();
    await install(formNamed("housing", "Housing"));
    const linked = expert(testBot, { id: 7303, language_code: "en" });
    await linked.send("/start housing");
    await linked.press(/English/);
    await linked.press(t("consent.agree"));
    expect(linked.labels()).toContain(t("anonymity.anonymous"));
  });
});
