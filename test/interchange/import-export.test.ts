import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { exportCsv, exportWorkbook, responseTable } from "../../src/interchange/export-responses.ts";
import { importReport } from "../../src/interchange/import-report.ts";
import { importResponses } from "../../src/interchange/import-responses.ts";
import { encodeResponse, interchangeHeader } from "../../src/interchange/interchange.ts";
import type { ResponseStore } from "../../src/interchange/response-store.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { toCsv } from "../../src/report/csv.ts";
import { readWorkbook } from "../../src/report/xlsx.ts";
import { meetingAtInsert } from "../support/meeting-at-insert.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { newStore, paperCsv, studyWithTwoWaves } from "./two-wave-study.ts";
import { SPECIAL_EDUCATION_ANSWERS, storeTelegramResponse } from "./varied-responses.ts";

const translations = Translations.load();
const en = translations.forLanguage("en");
const education = questionnaire("education");
const healthcare = questionnaire("healthcare");

/** Everything the export holds about the responses, in a fixed order. */
async function snapshot(store: ResponseStore) {
  const tables = [];
  for (const of of [education, healthcare]) {
    const [header, ...rows] = await responseTable(store, of);
    tables.push([header, ...rows.map((row) => JSON.stringify(row)).sort()]);
  }
  return tables;
}

describe("import(export(x))", () => {
  it("leaves the data unchanged on both questionnaires, through XLSX and through CSV", async () => {
    const original = await studyWithTwoWaves();
    const total = original.countResponses();
    expect(total).toBe(39);

    const throughXlsx = await newStore(2);
    const xlsx = await exportWorkbook(original, en);
    expect(await importResponses(throughXlsx, xlsx, new Date())).toEqual({
      ok: true,
      imported: total,
      alreadyPresent: 0,
    });
    expect(await snapshot(throughXlsx)).toEqual(await snapshot(original));

    const throughCsv = await newStore(2);
    for (const of of [education, healthcare]) {
      const result = await importResponses(
        throughCsv,
        Buffer.from(await exportCsv(original, of)),
        new Date(),
      );
      expect(result.ok).toBe(true);
    }
    expect(await snapshot(throughCsv)).toEqual(await snapshot(original));
  });

  it("carries other texts, partial ranks, declined answers, Kazakh text and formula-like text intact", async () => {
    const original = await studyWithTwoWaves();
    const copy = await newStore(2);
    await importResponses(copy, await exportWorkbook(original, en), new Date());
    const named = (await copy.results.submitted("education")).find((response) =>
      JSON.stringify(response.answers).includes("Әсел Нұрғалиқызы"),
    );
    expect(named?.answers).toEqual(SPECIAL_EDUCATION_ANSWERS);
    const rows = await responseTable(copy, education);
    expect(rows.flat()).toContain('=HYPERLINK("http://example.invalid")');
  });

  it("finds its own export already stored: nothing is doubled, Telegram responses included", async () => {
    const study = await studyWithTwoWaves();
    const before = await snapshot(study);
    const result = await importResponses(study, await exportWorkbook(study, en), new Date());
    expect(result).toEqual({ ok: true, imported: 0, alreadyPresent: 39 });
    expect(await snapshot(study)).toEqual(before);
  });

  it("keeps tg- ids unique in a copy that later collects Telegram responses of its own", async () => {
    const copy = await newStore(2);
    const healthcareOnly = Buffer.from(await exportCsv(await studyWithTwoWaves(), healthcare));
    expect(await importResponses(copy, healthcareOnly, new Date())).toMatchObject({ imported: 22 });
    for (let index = 0; index < 30; index++) {
      await storeTelegramResponse(copy, "healthcare", 1, `new-expert-${index}`, {
        anonymous: true,
        answers: {},
      });
    }
    const [, ...rows] = await responseTable(copy, healthcare);
    const ids = rows.map((row) => `${row[1]} ${row[0]}`);
    expect(new Set(ids).size).toBe(52);
    const again = await newStore(2);
    const result = await importResponses(again, Buffer.from(await exportCsv(copy, healthcare)), new Date());
    expect(result).toEqual({ ok: true, imported: 52, alreadyPresent: 0 });
  });
});

describe("importing paper responses", () => {
  const attitude = (option: string): Answers => ({ attitude: { kind: "choice", option } });

  it("imports nothing from a file with a bad row and lists each problem by row and column", async () => {
    const store = await newStore();
    const file = Buffer.from(
      toCsv([
        ["respondent_id", "wave", "questionnaire", "anonymous", "region", "experience_years"],
        ["P-1", 7, "healthcare", "yes", "shymkent", 12],
        ["P-2", 1, "healthcare", "yes", "almaty", 70],
        ["P-3", 1, "healthcare", "no", "turkestan_region", 3],
      ]),
    );
    const result = await importResponses(store, file, new Date());
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 3, column: "region", problem: "unknown option id “almaty” for question “region”" },
        { row: 3, column: "experience_years", problem: "value 70 is out of range 0–60" },
      ],
    });
    expect(store.countResponses()).toBe(0);
    expect(await store.waves.byNumber("healthcare", 7)).toBeUndefined();
    expect(importReport(en, result)).toBe(
      [
        "Nothing was imported: the file has 2 problems. Correct them and send the file again.",
        "• Row 3, column “region”: unknown option id “almaty” for question “region”",
        "• Row 3, column “experience_years”: value 70 is out of range 0–60",
      ].join("\n"),
    );
  });

  it("doubles nothing when the same file is imported twice", async () => {
    const store = await newStore(2);
    const file = paperCsv([
      { id: "П-1", wave: 1, answers: attitude("respectful") },
      { id: "П-2", wave: 1, answers: attitude("mistrust") },
      { id: "П-1", wave: 2, answers: attitude("mistrust") },
    ]);
    expect(await importResponses(store, file, new Date())).toEqual({
      ok: true,
      imported: 3,
      alreadyPresent: 0,
    });
    expect(await importResponses(store, file, new Date())).toEqual({
      ok: true,
      imported: 0,
      alreadyPresent: 3,
    });
    expect(store.countResponses()).toBe(3);
  });

  it("never alters a stored response: other answers for a stored respondent stop the whole import", async () => {
    const store = await newStore();
    await importResponses(
      store,
      paperCsv([{ id: "P-1", wave: 1, answers: attitude("respectful") }]),
      new Date(),
    );
    const changed = paperCsv([
      { id: "P-2", wave: 1, answers: attitude("respectful") },
      { id: "P-1", wave: 1, answers: attitude("mistrust") },
    ]);
    expect(await importResponses(store, changed, new Date())).toEqual({
      ok: false,
      problems: [
        {
          row: 3,
          column: "respondent_id",
          problem:
            "respondent “P-1” in wave 1 of questionnaire “healthcare” is already stored with other answers",
        },
      ],
    });
    expect((await store.results.submitted("healthcare")).map((response) => response.answers)).toEqual([
      attitude("respectful"),
    ]);
  });

  it("fills a closed wave and refuses a wave that does not exist, creating none", async () => {
    const store = await newStore();
    await store.waves.openNext("healthcare", new Date());
    const closedWave = paperCsv([{ id: "P-1", wave: 1, answers: attitude("respectful") }]);
    expect(await importResponses(store, closedWave, new Date())).toMatchObject({ ok: true, imported: 1 });
    const typo = paperCsv([
      { id: "P-2", wave: 2, answers: attitude("respectful") },
      { id: "P-3", wave: 20, answers: attitude("mistrust") },
    ]);
    expect(await importResponses(store, typo, new Date())).toEqual({
      ok: false,
      problems: [
        {
          row: 3,
          column: "wave",
          problem:
            "wave 20 of questionnaire “healthcare” does not exist (its waves: 1, 2); a new wave is started " +
            "with /wave_open before its responses are imported",
        },
      ],
    });
    expect((await store.waves.list("healthcare")).map((wave) => wave.number)).toEqual([1, 2]);
    expect((await store.waves.openWave("healthcare"))?.number).toBe(2);
    const stored = await store.results.submittedWithOrigin("healthcare");
    expect(stored.map(({ wave, source, respondentKey }) => ({ wave, source, respondentKey }))).toEqual([
      { wave: 1, source: "paper", respondentKey: "paper:P-1" },
    ]);
  });

  it("keeps a tg- id as the row id only in the range the bot draws ids from", async () => {
    const store = await newStore();
    const file = paperCsv([
      { id: "tg-999999999999999", wave: 1, answers: attitude("respectful") },
      { id: "tg-5", wave: 1, answers: attitude("mistrust") },
    ]);
    expect(await importResponses(store, file, new Date())).toMatchObject({ ok: true, imported: 2 });
    expect(await store.drafts.byId(999999999999999)).toBeUndefined();
    expect((await store.drafts.byId(5))?.respondentKey).toBe("paper:tg-5");
    const far = (await store.results.submittedWithOrigin("healthcare")).find(
      (response) => response.respondentKey === "paper:tg-999999999999999",
    );
    expect(far?.id).toBeLessThan(2 ** 48);
  });

  it("names the sheet of a problem in a workbook and finds duplicates across sheets", async () => {
    const store = await newStore();
    const { buildWorkbook } = await import("../../src/report/xlsx.ts");
    const row = (id: string) =>
      encodeResponse(healthcare, { respondentId: id, wave: 1, anonymous: true, answers: {} });
    const workbook = await buildWorkbook([
      { name: "Notes", rows: [["anything"]] },
      { name: "First", rows: [interchangeHeader(healthcare), row("P-1")] },
      { name: "Second", rows: [interchangeHeader(healthcare), row("P-2"), row("P-1")] },
    ]);
    expect(await importResponses(store, workbook, new Date())).toEqual({
      ok: false,
      problems: [
        {
          sheet: "Second",
          row: 3,
          column: "respondent_id",
          problem:
            "duplicate respondent “P-1” in wave 1 of questionnaire “healthcare” (also in sheet “First”, row 2)",
        },
      ],
    });
  });

  it("stores a file imported twice at once once: the later import finds its rows already stored", async () => {
    const store = await newStore(2);
    const rows = [
      { id: "P-1", wave: 1, answers: attitude("respectful") },
      { id: "P-2", wave: 2, answers: attitude("mistrust") },
    ];
    const results = await Promise.all(
      meetingAtInsert([store, store]).map((racing) => importResponses(racing, paperCsv(rows), new Date())),
    );
    expect(results).toEqual(
      expect.arrayContaining([
        { ok: true, imported: 2, alreadyPresent: 0 },
        { ok: true, imported: 0, alreadyPresent: 2 },
      ]),
    );
    expect(store.countResponses()).toBe(2);
  });

  it("reports by row a respondent another import stored at the same moment with other answers", async () => {
    const store = await newStore();
    const racing = meetingAtInsert([store, store]);
    const results = await Promise.all(
      ["respectful", "mistrust"].map((option, index) =>
        importResponses(
          racing[index]!,
          paperCsv([{ id: "P-1", wave: 1, answers: attitude(option) }]),
          new Date(),
        ),
      ),
    );
    expect(results).toEqual(
      expect.arrayContaining([
        { ok: true, imported: 1, alreadyPresent: 0 },
        {
          ok: false,
          problems: [
            {
              row: 2,
              column: "respondent_id",
              problem:
                "respondent “P-1” in wave 1 of questionnaire “healthcare” is already stored with other answers",
            },
          ],
        },
      ]),
    );
    expect(store.countResponses()).toBe(1);
  });

  it.each([
    ["an old .xls file", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "old Excel .xls file"],
    ["a broken workbook", Buffer.from("PK\u0003\u0004 broken"), "could not be read as an Excel workbook"],
    ["text that is not UTF-8", Buffer.from([0x72, 0x65, 0x73, 0xcf, 0xf0, 0x0a]), "not UTF-8 text"],
  ])("explains %s in plain words", async (_name, bytes, words) => {
    const result = await importResponses(await newStore(), bytes, new Date());
    expect(result.ok).toBe(false);
    expect(importReport(en, result)).toContain(words);
  });
});

describe("the export", () => {
  it("writes CSV that Excel opens: BOM, CRLF, Kazakh intact, formula cells neutralised", async () => {
    const store = await newStore();
    await storeTelegramResponse(store, "education", 1, "named", {
      anonymous: false,
      answers: SPECIAL_EDUCATION_ANSWERS,
    });
    const csv = await exportCsv(store, education);
    expect(csv.startsWith("\uFEFFrespondent_id,wave,questionnaire,anonymous,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(csv).toContain("Әсел Нұрғалиқызы");
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(csv).toContain(",'-әлеуметтік педагог,");
    expect(csv).toContain(`"'+тіл курстары; жоқ"`);
    expect(csv).not.toMatch(/,[=+\-@]/);
  });

  it("shows a ranking per wave with mean rank, place and Kendall's W in the summary sheet", async () => {
    const store = await newStore();
    const order = healthcare.questions
      .find((question) => question.id === "diseases_rank")!
      .options.map((o) => o.id);
    for (const key of ["a", "b", "c"]) {
      await storeTelegramResponse(store, "healthcare", 1, key, {
        anonymous: true,
        answers: { diseases_rank: { kind: "rank", order } },
      });
    }
    const sheets = await readWorkbook(await exportWorkbook(store, en));
    const summary = sheets.find((sheet) => sheet.name === "Summary Healthcare")!.rows;
    const title = summary.findIndex((row) => String(row[1]).startsWith("Ranking of conditions."));
    expect(summary.slice(title + 1, title + 3)).toEqual([
      ["№", "Items", "Wave 1: mean rank", "Wave 1: place"],
      ["01.", "Extragenital diseases", 1, 1],
    ]);
    expect(summary).toContainEqual(["", "Kendall's W", 1]);
  });

  it("has responses, a codebook in the reader's language and summary sheets like the paper's tables", async () => {
    const store = await newStore();
    const region = (option: string): Answers => ({ region: { kind: "choice", option } });
    for (const option of ["shymkent", "shymkent", "turkestan_region"]) {
      await storeTelegramResponse(store, "healthcare", 1, `k-${Math.random()}`, {
        anonymous: true,
        answers: region(option),
      });
    }
    await store.waves.openNext("healthcare", new Date());
    for (const option of ["shymkent", "turkestan_region", "turkestan_region", "turkestan_region"]) {
      await storeTelegramResponse(store, "healthcare", 2, `k-${Math.random()}`, {
        anonymous: true,
        answers: region(option),
      });
    }
    const sheets = await readWorkbook(await exportWorkbook(store, translations.forLanguage("ru")));
    expect(sheets.map((sheet) => sheet.rows[0]?.[0])).toEqual([
      "respondent_id",
      "respondent_id",
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(sheets[1]?.rows).toHaveLength(8);
    const codebook = sheets[2]!.rows;
    expect(codebook).toContainEqual(expect.arrayContaining(["region", "shymkent", "Шымкент"]));
    const summary = sheets[4]!.rows;
    expect(summary).toContainEqual(["01.", "Шымкент", 2, 66.7, 1, 25, -41.7]);
    expect(summary).toContainEqual(["02.", "Туркестанская область", 1, 33.3, 3, 75, 41.7]);
  });
});
