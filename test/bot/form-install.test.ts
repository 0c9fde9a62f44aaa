import { describe, expect, it } from "vitest";
import { EMPLOYMENT_FORM } from "../questionnaire/xlsform/employment-form.ts";
import { typeRefusal } from "../questionnaire/xlsform/form-tables.ts";
import { employmentForm, formWorkbook } from "../support/form-workbook.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const COORDINATOR = 42;
const EXPERT = 7;

async function sendForm(testBot: TestBot, sheets: Record<string, string[][]>, language = "en") {
  const bytes = await formWorkbook(sheets);
  const from = { id: COORDINATOR, language_code: language };
  await testBot.bot.handleUpdate(testBot.telegram.documentUpdate(from, { fileName: "form.xlsx", bytes }));
  return expert(testBot, from);
}

function pendingCount(testBot: TestBot): number {
  return testBot.db.$client.prepare("select count(*) from pending_forms").pluck().get() as number;
}

/** Version 4: the comment dropped, an age question added, experience a decimal, a region and a wording more. */
const VERSION_4 = employmentForm("4", {
  survey: EMPLOYMENT_FORM.survey
    .filter((row) => row[1] !== "comment")
    .map((row) => (row[1] === "experience" ? row.with(0, "decimal") : row))
    .map((row) => (row[1] === "obstacles_rank" ? row.with(4, "Rank the obstacles, most serious first") : row))
    .concat([
      EMPLOYMENT_FORM.survey[3]!.with(1, "age").with(2, "Жасыңыз").with(3, "Ваш возраст").with(4, "Your age"),
    ]),
  choices: [...EMPLOYMENT_FORM.choices, ["region", "astana", "Астана", "Астана", "Astana"]],
});

const PREVIEW_V3 = [
  "Form employment, version 3",
  "Title (kk): Жұмыспен қамту",
  "Title (ru): Занятость",
  "Title (en): Employment",
  "",
  "Questions: 5",
  "• region: select_one region",
  "• experience: integer",
  "• obstacles: select_multiple obstacles",
  "• obstacles_rank: rank obstacles",
  "• comment: text",
  "",
  "Not installed before: every question is new.",
].join("\n");

describe("a coordinator installs a form by sending its workbook", () => {
  it("previews a new form: titles per language, questions with their types; nothing is installed yet", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = await sendForm(testBot, EMPLOYMENT_FORM);
    expect(coordinator.last().text).toBe(PREVIEW_V3);
    expect(coordinator.labels()).toEqual(["Install", "Cancel"]);
    expect(await testBot.services.forms.list()).toEqual([]);
    expect(pendingCount(testBot)).toBe(1);
  });

  it("frames the preview in the coordinator's language", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = await sendForm(testBot, EMPLOYMENT_FORM, "kk");
    expect(coordinator.last().text.split("\n").slice(0, 2)).toEqual([
      "employment формасы, 3 нұсқа",
      "Атауы (kk): Жұмыспен қамту",
    ]);
    expect(coordinator.labels()).toEqual(["Орнату", "Бас тарту"]);
  });

  it("lists an invalid form's problems by sheet, row and column in one message and keeps nothing", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const broken = EMPLOYMENT_FORM.survey.map((row) =>
      row[1] === "comment" ? row.with(0, "geopoint") : row,
    );
    const coordinator = await sendForm(testBot, employmentForm("3", { survey: broken }), "ru");
    expect(coordinator.last().text).toBe(
      [
        "Форму нельзя установить. Исправьте эти места в файле и отправьте его снова:",
        `• sheet survey, row 8, column type: ${typeRefusal("geopoint")}`,
      ].join("\n"),
    );
    expect(coordinator.labels()).toEqual([]);
    expect(pendingCount(testBot)).toBe(0);
    expect(await testBot.services.forms.list()).toEqual([]);
  });

  it("installs on confirmation, opening the form's first wave on its version", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = await sendForm(testBot, EMPLOYMENT_FORM);
    await coordinator.press("Install");
    expect(coordinator.last().text).toBe(
      "Installed: form employment, version 3.\nWave 1 runs it from now on.",
    );
    expect(coordinator.labels()).toEqual([]);
    expect((await testBot.services.forms.list()).map((form) => [form.formId, form.version])).toEqual([
      ["employment", "3"],
    ]);
    expect((await testBot.services.waves.openWave("employment"))?.formVersion).toBe("3");
    expect(testBot.services.questionnaires.get("employment")?.id).toBe("employment");
    expect(pendingCount(testBot)).toBe(0);
  });

  it("says a version installed again is already installed, and refuses other content under the same version", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await (await sendForm(testBot, EMPLOYMENT_FORM)).press("Install");
    const coordinator = await sendForm(testBot, EMPLOYMENT_FORM);
    expect(coordinator.last().text).toBe("Form employment, version 3 is already installed: nothing to do.");
    expect(coordinator.labels()).toEqual([]);
    await sendForm(testBot, employmentForm("3", { choices: VERSION_4.choices }));
    expect(coordinator.last().text).toBe(
      "Form employment already has a version 3 with other content. Raise the version in the settings sheet and send the file again.",
    );
    expect(pendingCount(testBot)).toBe(0);
    expect(await testBot.services.forms.list()).toHaveLength(1);
  });

  it("flags what a new version changes and lets the open wave use it now", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await (await sendForm(testBot, EMPLOYMENT_FORM)).press("Install");
    const coordinator = await sendForm(testBot, VERSION_4);
    const preview = coordinator.last().text;
    expect(preview.slice(preview.indexOf("Against"))).toBe(
      [
        "Against the installed version 3:",
        "New: age",
        "Dropped: comment",
        "Type changed: experience (integer → decimal)",
        "⚠️ Option list changed: region (+astana)",
        "Wording changed: obstacles_rank",
        "Wave 1 is open and runs version 3. Use the new version in it now (experts who are answering keep their answers), or keep it for the next wave?",
      ].join("\n"),
    );
    expect(coordinator.labels()).toEqual(["Use in wave 1 now", "Keep for the next wave", "Cancel"]);
    await coordinator.press("Use in wave 1 now");
    expect(coordinator.last().text).toBe(
      "Installed: form employment, version 4.\nWave 1 runs it from now on.",
    );
    expect((await testBot.services.waves.openWave("employment"))?.formVersion).toBe("4");
  });

  it("keeps a new version for the next wave: the open wave stays on its version, the next one opened runs it", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await (await sendForm(testBot, EMPLOYMENT_FORM)).press("Install");
    const coordinator = await sendForm(testBot, VERSION_4);
    await coordinator.press("Keep for the next wave");
    expect(coordinator.last().text).toBe(
      "Installed: form employment, version 4.\nWave 1 keeps version 3; the next wave opened runs version 4.",
    );
    const { waves, forms } = testBot.services;
    expect((await waves.openWave("employment"))?.formVersion).toBe("3");
    expect((await forms.latest("employment"))?.version).toBe("4");
    expect(testBot.services.questionnaires.get("employment")?.version).toBe("3");
    expect((await waves.openNext("employment", new Date())).formVersion).toBe("4");
  });

  it("offers the choice when the open wave runs the questionnaire built into the bot", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const healthcare = employmentForm("1");
    healthcare.settings[1] = healthcare.settings[1]!.with(0, "healthcare");
    const coordinator = await sendForm(testBot, healthcare);
    expect(coordinator.last().text).toContain(
      "Wave 1 is open and runs the questionnaire built into the bot. Use the new version",
    );
    expect(coordinator.labels()).toEqual(["Use in wave 1 now", "Keep for the next wave", "Cancel"]);
  });

  it("installs nothing on Cancel; the preview's buttons then do nothing more", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = await sendForm(testBot, EMPLOYMENT_FORM);
    const install = testBot.telegram.lastMessage(COORDINATOR).buttons.flat()[0]!;
    await coordinator.press("Cancel");
    expect(coordinator.last().text).toBe("Cancelled: nothing was installed.");
    expect(pendingCount(testBot)).toBe(0);
    const from = { id: COORDINATOR, language_code: "en" };
    await testBot.bot.handleUpdate(
      testBot.telegram.callbackUpdate(from, install.data, coordinator.last().messageId),
    );
    expect(coordinator.last().text).toBe(
      "This preview has expired or was already used. Send the file again.",
    );
    expect(await testBot.services.forms.list()).toEqual([]);
  });

  it("refuses a preview confirmed after a day: the upload has expired", async () => {
    let now = new Date("2026-11-29T10:00:00Z");
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR], now: () => now });
    const coordinator = await sendForm(testBot, EMPLOYMENT_FORM);
    now = new Date("2026-11-30T10:00:01Z");
    await coordinator.press("Install");
    expect(coordinator.last().text).toBe(
      "This preview has expired or was already used. Send the file again.",
    );
    expect(await testBot.services.forms.list()).toEqual([]);
  });

  it("leaves an expert's form upload to the expert flow, and refuses a forged install button", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const from = { id: EXPERT, language_code: "en" };
    const bytes = await formWorkbook(EMPLOYMENT_FORM);
    await testBot.bot.handleUpdate(testBot.telegram.documentUpdate(from, { fileName: "form.xlsx", bytes }));
    expect(testBot.telegram.callsOf("getFile")).toEqual([]);
    await sendForm(testBot, EMPLOYMENT_FORM);
    const install = testBot.telegram.lastMessage(COORDINATOR).buttons.flat()[0]!;
    await testBot.bot.handleUpdate(testBot.telegram.callbackUpdate(from, install.data, 1));
    expect(testBot.telegram.toasts()).toEqual(["Sorry, this command is not available to you."]);
    expect(await testBot.services.forms.list()).toEqual([]);
  });
});
