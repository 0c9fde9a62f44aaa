import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeRows,
  encodeResponse,
  type InterchangeRecord,
  interchangeHeader,
} from "../../src/interchange/interchange.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";
import { parseCsv, toCsv } from "../../src/report/csv.ts";
import { buildWorkbook, readWorkbook } from "../../src/report/xlsx.ts";
import { questionnaires } from "../support/questionnaires.ts";
import { validResponse } from "../support/valid-responses.ts";

type Cell = string | number | null;

const education = questionnaires.get("education")!;
const healthcare = questionnaires.get("healthcare")!;

/** A valid record of a questionnaire in wave 1–3. */
function responseFor(questionnaire: Questionnaire): fc.Arbitrary<Omit<InterchangeRecord, "respondentId">> {
  return fc
    .tuple(validResponse(questionnaire), fc.integer({ min: 1, max: 3 }))
    .map(([response, wave]) => ({ questionnaire: questionnaire.id, wave, ...response }));
}

const recordsArb = fc
  .array(fc.oneof(responseFor(education), responseFor(healthcare)), { maxLength: 8 })
  .chain((responses) =>
    fc
      .constantFrom("r", "Сарапшы", "=1", "expert, 7")
      .map((prefix) =>
        responses.map(
          (response, index): InterchangeRecord => ({ ...response, respondentId: `${prefix}-${index}` }),
        ),
      ),
  );

/** Every record as a row under the union of both questionnaires' columns. */
function mixedTable(records: InterchangeRecord[]): Cell[][] {
  const header = [...new Set([...interchangeHeader(education), ...interchangeHeader(healthcare)])];
  const rows = records.map((record) => {
    const questionnaire = questionnaires.get(record.questionnaire)!;
    const own = interchangeHeader(questionnaire);
    const cells = encodeResponse(questionnaire, record);
    return header.map((name) => (own.includes(name) ? (cells[own.indexOf(name)] ?? null) : null));
  });
  return [header, ...rows];
}

/** A table from named cells; columns not named in a row are empty. */
function table(header: string[], ...rows: Record<string, Cell>[]): Cell[][] {
  return [header, ...rows.map((row) => header.map((name) => row[name] ?? null))];
}

const base = { respondent_id: "r1", wave: 1, questionnaire: "healthcare", anonymous: "no" };
const healthcareHeader = interchangeHeader(healthcare);
const educationHeader = interchangeHeader(education);

describe("interchangeHeader and encodeResponse", () => {
  it("puts respondent columns first, then questions in order with _other after specify questions", () => {
    expect(healthcareHeader.slice(0, 12)).toEqual([
      "respondent_id",
      "wave",
      "questionnaire",
      "anonymous",
      "full_name",
      "organisation",
      "position",
      "contact",
      "region",
      "region_other",
      "experience_years",
      "migrant_specialisation",
    ]);
  });

  it("writes ids, space-separated lists, numbers, text and declined; empty when not answered", () => {
    const row = encodeResponse(education, {
      respondentId: "r9",
      wave: 2,
      anonymous: true,
      answers: {
        region: { kind: "choice", option: "other", other: "Алматы" },
        experience_years: { kind: "declined" },
        barriers: { kind: "choices", options: ["language_barrier", "other"], other: "=тіл" },
        barriers_rank: { kind: "rank", order: ["language_barrier", "no_e_documents"] },
        recommendations: { kind: "text", value: "Көбірек тіл курстары" },
      },
    });
    const cell = (name: string) => row[educationHeader.indexOf(name)];
    expect(row.slice(0, 4)).toEqual(["r9", 2, "education", "yes"]);
    expect(cell("region")).toBe("other");
    expect(cell("region_other")).toBe("Алматы");
    expect(cell("experience_years")).toBe("declined");
    expect(cell("barriers")).toBe("language_barrier other");
    expect(cell("barriers_other")).toBe("=тіл");
    expect(cell("barriers_rank")).toBe("language_barrier no_e_documents");
    expect(cell("recommendations")).toBe("Көбірек тіл курстары");
    expect(cell("full_name")).toBeNull();
    expect(row).toHaveLength(educationHeader.length);
  });
});

describe("decodeRows round trip", () => {
  it("gives back random valid responses of both questionnaires, directly and through CSV", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const rows = mixedTable(records);
        expect(decodeRows(questionnaires, rows)).toEqual({ records, problems: [] });
        expect(decodeRows(questionnaires, parseCsv(toCsv(rows)))).toEqual({ records, problems: [] });
      }),
      { numRuns: 200 },
    );
  });

  it("gives back random valid responses through XLSX, one questionnaire per sheet", async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, async (records) => {
        const sheets = [education, healthcare].map((questionnaire) => ({
          name: questionnaire.id,
          rows: [
            interchangeHeader(questionnaire),
            ...records
              .filter((record) => record.questionnaire === questionnaire.id)
              .map((record) => encodeResponse(questionnaire, record)),
          ],
        }));
        const read = await readWorkbook(await buildWorkbook(sheets));
        const decoded = read.map((sheet) => decodeRows(questionnaires, sheet.rows));
        expect(decoded.flatMap((result) => result.problems)).toEqual([]);
        const byKey = (record: InterchangeRecord) => `${record.questionnaire} ${record.respondentId}`;
        expect(
          decoded.flatMap((result) => result.records).sort((a, b) => byKey(a).localeCompare(byKey(b))),
        ).toEqual([...records].sort((a, b) => byKey(a).localeCompare(byKey(b))));
      }),
      { numRuns: 30 },
    );
  });

  it("reads an empty cell as not answered and leaves out missing columns", () => {
    const rows = [
      ["respondent_id", "wave", "questionnaire", "anonymous", "region", "attitude"],
      ["r1", "1", "healthcare", "yes", "", "respectful"],
    ];
    expect(decodeRows(questionnaires, rows)).toEqual({
      records: [
        {
          respondentId: "r1",
          wave: 1,
          questionnaire: "healthcare",
          anonymous: true,
          answers: { attitude: { kind: "choice", option: "respectful" } },
        },
      ],
      problems: [],
    });
  });

  it.each([
    ["yes", true],
    ["TRUE", true],
    ["1", true],
    ["No", false],
    ["false", false],
    [0, false],
  ])("reads anonymous %j as %j", (cell, anonymous) => {
    const { records } = decodeRows(questionnaires, table(healthcareHeader, { ...base, anonymous: cell }));
    expect(records[0]?.anonymous).toBe(anonymous);
  });

  it("skips rows that are entirely empty and reads a rank listing only the top few", () => {
    const rows = table(healthcareHeader, {}, { ...base, diseases_rank: "anemia  cns" });
    const { records, problems } = decodeRows(questionnaires, rows);
    expect(problems).toEqual([]);
    expect(records[0]?.answers).toEqual({ diseases_rank: { kind: "rank", order: ["anemia", "cns"] } });
  });
});

describe("decodeRows problems", () => {
  const problemsOf = (rows: Cell[][]) => decodeRows(questionnaires, rows).problems;
  const single = (row: Record<string, Cell>, header = healthcareHeader) => problemsOf(table(header, row));

  it("reports an unknown column on the header row", () => {
    expect(problemsOf(table([...healthcareHeader, "xyz"], base))).toEqual([
      { row: 1, column: "xyz", problem: "unknown question id “xyz”" },
    ]);
  });

  it("reports a missing respondent column and reads no rows", () => {
    const header = healthcareHeader.filter((name) => name !== "wave");
    expect(decodeRows(questionnaires, table(header, base))).toEqual({
      records: [],
      problems: [{ row: 1, column: "wave", problem: "missing column “wave”" }],
    });
  });

  it("reports a column that appears twice", () => {
    expect(problemsOf([[...healthcareHeader, "region"]])).toEqual([
      { row: 1, column: "region", problem: "column “region” appears twice" },
    ]);
  });

  it("reports an unknown option id naming it and the question", () => {
    expect(single({ ...base, region: "almaty" })).toEqual([
      { row: 2, column: "region", problem: "unknown option id “almaty” for question “region”" },
    ]);
    expect(single({ ...base, diseases: "anemia flu cold" })).toEqual([
      { row: 2, column: "diseases", problem: "unknown option ids “flu”, “cold” for question “diseases”" },
    ]);
  });

  it("reports a value out of range naming the range, and a number that is not whole", () => {
    expect(single({ ...base, experience_years: 70 })).toEqual([
      { row: 2, column: "experience_years", problem: "value 70 is out of range 0–60" },
    ]);
    expect(single({ ...base, experience_years: "12.5" })).toEqual([
      { row: 2, column: "experience_years", problem: "not a whole number: “12.5”" },
    ]);
  });

  it("reports a duplicate respondent in the same wave of the same questionnaire", () => {
    const rows = table(
      healthcareHeader,
      base,
      { ...base, wave: 2 },
      { ...base, attitude: "mistrust" },
      { ...base, respondent_id: "r2" },
    );
    expect(decodeRows(questionnaires, rows)).toMatchObject({
      records: [{ respondentId: "r1", wave: 1 }, { respondentId: "r1", wave: 2 }, { respondentId: "r2" }],
      problems: [
        {
          row: 4,
          column: "respondent_id",
          problem: "duplicate respondent “r1” in wave 1 of questionnaire “healthcare” (also in row 2)",
        },
      ],
    });
  });

  it("reports a missing respondent_id, a bad wave, a bad anonymous and an unknown questionnaire", () => {
    const rows = table(
      healthcareHeader,
      { ...base, respondent_id: " " },
      { ...base, wave: "0" },
      { ...base, wave: 1.5 },
      { ...base, anonymous: "maybe" },
      { ...base, questionnaire: "finance" },
    );
    expect(problemsOf(rows)).toEqual([
      { row: 2, column: "respondent_id", problem: "missing respondent_id" },
      { row: 3, column: "wave", problem: "wave is not a positive integer: “0”" },
      { row: 4, column: "wave", problem: "wave is not a positive integer: “1.5”" },
      { row: 5, column: "anonymous", problem: "anonymous must be yes or no, not “maybe”" },
      { row: 6, column: "questionnaire", problem: "unknown questionnaire “finance”" },
    ]);
  });

  it("reports an answer to a question whose condition does not hold", () => {
    expect(single({ ...base, high_risk_group: "no", high_risk_complications: "anemia" })).toEqual([
      {
        row: 2,
        column: "high_risk_complications",
        problem: "answered although its condition does not hold: selected(${high_risk_group}, 'yes')",
      },
    ]);
    expect(single({ ...base, high_risk_group: "yes", high_risk_complications: "anemia" })).toEqual([]);
  });

  it("reports an exclusive option combined with others and an option listed twice", () => {
    const row = { ...base, questionnaire: "education" };
    expect(single({ ...row, barriers: "all_of_the_above language_barrier" }, educationHeader)).toEqual([
      { row: 2, column: "barriers", problem: "exclusive option “all_of_the_above” is combined with others" },
    ]);
    expect(single({ ...row, barriers_rank: "language_barrier language_barrier" }, educationHeader)).toEqual([
      { row: 2, column: "barriers_rank", problem: "option “language_barrier” is listed twice" },
    ]);
  });

  it("reports text over its length limit, also in an _other column", () => {
    expect(single({ ...base, full_name: "ә".repeat(201) })).toEqual([
      {
        row: 2,
        column: "full_name",
        problem: "text is over its length limit of 200 characters (it has 201)",
      },
    ]);
    expect(single({ ...base, region: "other", region_other: "қ".repeat(301) })).toEqual([
      {
        row: 2,
        column: "region_other",
        problem: "text is over its length limit of 300 characters (it has 301)",
      },
    ]);
  });

  it("reports a “please specify” text without its option and declining a question that cannot be declined", () => {
    expect(single({ ...base, region: "shymkent", region_other: "Алматы" })).toEqual([
      {
        row: 2,
        column: "region_other",
        problem: "the “please specify” text is filled but option “other” is not chosen",
      },
    ]);
    expect(single({ ...base, region: "declined" })).toEqual([
      { row: 2, column: "region", problem: "question “region” cannot be declined" },
    ]);
    expect(single({ ...base, experience_years: "declined", contact: "declined" })).toEqual([]);
  });

  it("reports identity answers of an anonymous respondent", () => {
    expect(single({ ...base, anonymous: "yes", full_name: "Әсел" })).toEqual([
      {
        row: 2,
        column: "full_name",
        problem: "an identity question is answered although the respondent is anonymous",
      },
    ]);
  });

  it("reports a filled column that belongs to another questionnaire, and values under no header", () => {
    const header = [...new Set([...healthcareHeader, ...educationHeader])];
    const rows = table(header, { ...base, barriers: "language_barrier" });
    rows[1]!.push(null, "stray");
    expect(problemsOf(rows)).toEqual([
      {
        row: 2,
        column: `column ${columnLetter(header.length + 1)}`,
        problem: "a value in a column without a name",
      },
      { row: 2, column: "barriers", problem: "“barriers” is not a question of questionnaire “healthcare”" },
    ]);
  });

  it("keeps the clean rows of a file with problems", () => {
    const { records, problems } = decodeRows(
      questionnaires,
      table(
        healthcareHeader,
        { ...base, region: "almaty" },
        { ...base, respondent_id: "r2", region: "shymkent" },
      ),
    );
    expect(problems).toHaveLength(1);
    expect(records.map((record) => record.respondentId)).toEqual(["r2"]);
  });
});

function columnLetter(index: number): string {
  const first = Math.floor(index / 26);
  return (first > 0 ? String.fromCharCode(64 + first) : "") + String.fromCharCode(65 + (index % 26));
}
