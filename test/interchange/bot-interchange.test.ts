import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/report/csv.ts";
import { buildWorkbook, readWorkbook } from "../../src/report/xlsx.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";
import { SPECIAL_EDUCATION_ANSWERS, storeTelegramResponse } from "./varied-responses.ts";

const COORDINATOR = 42;
const EXPERT = 7;

const paperFile = toCsv([
  ["respondent_id", "wave", "questionnaire", "anonymous", "attitude", "experience_years"],
  ["Қ-1", 1, "healthcare", "yes", "respectful", 4],
  ["Қ-2", 1, "healthcare", "yes", "mistrust", "declined"],
]);

function upload(
  testBot: TestBot,
  from: { id: number; language_code?: string },
  fileName: string,
  bytes: string | Buffer,
) {
  return testBot.bot.handleUpdate(testBot.telegram.documentUpdate(from, { fileName, bytes }));
}

/** The documents /export sends a coordinator who chose `format`, over one named education response. */
async function exportAs(language: string, format: string) {
  const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
  await storeTelegramResponse(testBot.services, "education", 1, "named", {
    anonymous: false,
    answers: SPECIAL_EDUCATION_ANSWERS,
  });
  const coordinator = expert(testBot, { id: COORDINATOR, language_code: language });
  await coordinator.send("/export");
  await coordinator.press(format);
  return testBot.telegram.callsOf("sendDocument").map((call) => call.payload);
}

describe("coordinators exchange files with the bot", () => {
  it("/export asks for the format; Excel sends the workbook that reads back with every response", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await storeTelegramResponse(testBot.services, "education", 1, "named", {
      anonymous: false,
      answers: SPECIAL_EDUCATION_ANSWERS,
    });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/export");
    expect(coordinator.labels()).toEqual([
      "Excel workbook (.xlsx)",
      "CSV for re-import",
      "SPSS, PSPP, R (.sps + .csv)",
    ]);
    expect(testBot.telegram.callsOf("sendDocument")).toEqual([]);
    await coordinator.press("Excel workbook (.xlsx)");

    const [sent] = testBot.telegram.callsOf("sendDocument");
    expect(sent?.payload.caption).toContain("Submitted responses: 1.");
    const sheets = await readWorkbook(sent?.payload.file as Buffer);
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      "Responses Education",
      "Responses Healthcare",
      "Codebook",
      "Summary Education",
      "Summary Healthcare",
    ]);
    const [header, row] = sheets[0]!.rows;
    expect(row?.[header!.indexOf("full_name")]).toBe("Әсел Нұрғалиқызы");
    expect(row?.[header!.indexOf("organisation")]).toBe('=HYPERLINK("http://example.invalid")');
  });

  it("/export as SPSS sends each questionnaire's syntax and its CSV, labelled in the coordinator's language", async () => {
    const sent = await exportAs("kk", "SPSS, PSPP, R (.sps + .csv)");
    expect(sent.map((payload) => payload.fileName)).toEqual([
      "education.sps",
      "education.csv",
      "healthcare.sps",
      "healthcare.csv",
    ]);
    const syntax = String(sent[0]!.file);
    expect(syntax).toContain("  / region 'Қай өңірде жұмыс істейсіз?'");
    expect(syntax).toContain("* variable label of access_relevance cut from 268 to 255 bytes.");
    expect(String(sent[1]!.file)).toContain("Әсел Нұрғалиқызы");
    expect(sent[1]!.caption).toBe(
      "Білім беру: жіберілген жауаптар — 1. education.sps пен education.csv файлдарын бір қалтаға сақтап, " +
        "синтаксисті SPSS немесе GNU PSPP бағдарламасында орындаңыз: ол барлық белгілерді осы тілде қосып, " +
        "education.sav файлын жазады.\n1 мәтін SPSS сыйғыза алатыннан ұзын болғандықтан қысқартылды; синтаксис " +
        "файлының басында көрсетілген.",
    );
  });

  it("/export as CSV sends one interchange file per questionnaire", async () => {
    const sent = await exportAs("en", "CSV for re-import");
    expect(sent.map((payload) => [payload.fileName, payload.caption])).toEqual([
      [
        "education.csv",
        "Education: submitted responses: 1. One row per respondent and wave; this file can be sent back with paper responses added.",
      ],
      [
        "healthcare.csv",
        "Healthcare: submitted responses: 0. One row per respondent and wave; this file can be sent back with paper responses added.",
      ],
    ]);
    expect(String(sent[0]!.file)).toContain("'=HYPERLINK(");
  });

  it("imports a coordinator's CSV and answers with the counts; the same file again adds nothing", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const coordinator = { id: COORDINATOR, language_code: "en" };
    await upload(testBot, coordinator, "paper.csv", paperFile);
    expect(testBot.telegram.lastMessage(COORDINATOR).text).toBe("Imported: 2. Already stored, skipped: 0.");
    await upload(testBot, coordinator, "paper.csv", paperFile);
    expect(testBot.telegram.lastMessage(COORDINATOR).text).toBe("Imported: 0. Already stored, skipped: 2.");
    // Response ids are random, so stored order says nothing: compare in the order of the file.
    const stored = (await testBot.services.results.submittedWithOrigin("healthcare")).sort((a, b) =>
      a.respondentKey.localeCompare(b.respondentKey),
    );
    expect(stored.map((response) => [response.respondentKey, response.source, response.answers])).toEqual([
      [
        "paper:Қ-1",
        "paper",
        {
          attitude: { kind: "choice", option: "respectful" },
          experience_years: { kind: "integer", value: 4 },
        },
      ],
      [
        "paper:Қ-2",
        "paper",
        { attitude: { kind: "choice", option: "mistrust" }, experience_years: { kind: "declined" } },
      ],
    ]);
  });

  it("lists the problems of a bad file by row and column and imports nothing", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const bad = paperFile.replace("mistrust", "distrust");
    await upload(testBot, { id: COORDINATOR, language_code: "en" }, "paper.csv", bad);
    expect(testBot.telegram.lastMessage(COORDINATOR).text).toBe(
      [
        "Nothing was imported: the file has 1 problem. Correct it and send the file again.",
        "• Row 3, column “attitude”: unknown option id “distrust” for question “attitude”",
      ].join("\n"),
    );
    expect(await testBot.services.results.submitted("healthcare")).toEqual([]);
  });

  it("keeps a reply with many problems within one Telegram message", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const rows = Array.from({ length: 300 }, (_, index) => [
      `P-${index}`,
      1,
      "healthcare",
      "yes",
      "nonsense",
      99,
    ]);
    const bad = toCsv([
      ["respondent_id", "wave", "questionnaire", "anonymous", "attitude", "experience_years"],
      ...rows,
    ]);
    await upload(testBot, { id: COORDINATOR, language_code: "en" }, "paper.csv", bad);
    const reply = testBot.telegram.lastMessage(COORDINATOR).text;
    expect(reply.length).toBeLessThanOrEqual(4096);
    expect(reply).toMatch(/^Nothing was imported: the file has 600 problems\./);
    expect(reply).toMatch(/…and \d+ more problems\.$/);
  });

  it("leaves an expert's document to the expert flow and stores nothing", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const asExpert = await createTestBot();
    await upload(testBot, { id: EXPERT, language_code: "en" }, "paper.csv", paperFile);
    await upload(asExpert, { id: EXPERT, language_code: "en" }, "notes.pdf", "%PDF");
    expect(testBot.telegram.lastMessage(EXPERT).text).toBe(asExpert.telegram.lastMessage(EXPERT).text);
    expect(testBot.telegram.callsOf("getFile")).toEqual([]);
    expect(await testBot.services.results.submitted("healthcare")).toEqual([]);
  });

  it("tells an expert that /export and a forged format button are not available", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    const from = { id: EXPERT, language_code: "en" };
    await expert(testBot, from).send("/export");
    expect(testBot.telegram.lastMessage(EXPERT).text).toBe("Sorry, this command is not available to you.");
    await testBot.bot.handleUpdate(testBot.telegram.callbackUpdate(from, "export:spss", 1));
    expect(testBot.telegram.toasts()).toEqual(["Sorry, this command is not available to you."]);
    expect(testBot.telegram.callsOf("sendDocument")).toEqual([]);
  });

  it("imports a workbook the bot exported, with a paper row added, even with a /summary open", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    await storeTelegramResponse(testBot.services, "healthcare", 1, "someone", {
      anonymous: true,
      answers: { attitude: { kind: "choice", option: "respectful" } },
    });
    const coordinator = expert(testBot, { id: COORDINATOR, language_code: "en" });
    await coordinator.send("/export");
    await coordinator.press("Excel workbook (.xlsx)");
    const exported = testBot.telegram.callsOf("sendDocument")[0]?.payload.file as Buffer;
    const sheets = await readWorkbook(exported);
    const responses = sheets.find((sheet) => sheet.name === "Responses Healthcare")!;
    const header = responses.rows[0]!;
    const paper: Record<string, string | number> = {
      respondent_id: "P-9",
      wave: 1,
      questionnaire: "healthcare",
      anonymous: "yes",
      attitude: "mistrust",
    };
    const paperRow = header.map((column) => paper[String(column)] ?? null);
    responses.rows.push(paperRow);
    const edited = await buildWorkbook(sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows })));

    await coordinator.send("/summary");
    await upload(testBot, { id: COORDINATOR, language_code: "en" }, "export.xlsx", edited);
    expect(coordinator.last().text).toBe("Imported: 1. Already stored, skipped: 1.");
    expect(await testBot.services.results.submitted("healthcare")).toHaveLength(2);
  });
});
