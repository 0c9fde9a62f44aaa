import { describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { spssFiles } from "../../src/interchange/spss-export.ts";
import type { SpssRecord } from "../../src/interchange/spss-types.ts";
import { parseCsv } from "../../src/report/csv.ts";
import { questionnaire } from "../support/questionnaires.ts";

const en = Translations.load().forLanguage("en");
const education = questionnaire("education");

const answered: SpssRecord = {
  respondentId: "tg-1",
  wave: 2,
  anonymous: true,
  source: "telegram",
  answers: {
    region: { kind: "choice", option: "turkestan_region" },
    experience_years: { kind: "declined" },
    barriers: { kind: "choices", options: ["language_barrier", "other"], other: 'Тіл; "курс"\nекі' },
    barriers_rank: { kind: "rank", order: ["language_barrier", "no_e_documents"] },
    recommendations: { kind: "text", value: "=Ұсыныс" },
  },
};
const empty: SpssRecord = { respondentId: "Ш-2", wave: 1, anonymous: false, source: "paper", answers: {} };

/** The CSV's rows as objects keyed by variable name. */
function dataRows(data: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(data);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

describe("spssFiles", () => {
  const { syntax, data, cuts } = spssFiles(en, education, [answered, empty], [1, 2]);
  const [first, second] = dataRows(data);

  it("writes options as codes, one 0/1 variable per multiple choice, a place per ranked item, -99 for declined", () => {
    expect(first).toMatchObject({
      respondent_id: "tg-1",
      wave: "2",
      anonymous: "1",
      source: "1",
      region: "2",
      experience_years: "-99",
      barriers_no_e_documents: "0",
      barriers_language_barrier: "1",
      barriers_other: "1",
      barriers_other_text: 'Тіл; "курс"\u001fекі',
      barriers_rank_language_barrier: "1",
      barriers_rank_no_e_documents: "2",
      barriers_rank_foreign_id_only: "",
      recommendations: "=Ұсыныс",
    });
    expect(Object.entries(second!).filter(([, value]) => value !== "")).toEqual([
      ["respondent_id", "Ш-2"],
      ["wave", "1"],
      ["anonymous", "0"],
      ["source", "2"],
    ]);
    expect(cuts).toEqual([]);
  });

  it("declares labels, value labels, missing values and the dichotomy sets in the reader's language", () => {
    expect(syntax.startsWith("* Encoding: UTF-8.\n")).toBe(true);
    expect(syntax).toContain("  / region 'In which region do you work?'");
    expect(syntax).toContain("  / region\n      1 'Shymkent'\n      2 'Turkestan region'");
    expect(syntax).toContain("  / barriers_language_barrier\n      0 'not chosen'\n      1 'chosen'");
    expect(syntax).toMatch(
      /MISSING VALUES[\s\S]*experience_years \(-99\)[\s\S]*recommendations \('declined'\)/,
    );
    expect(syntax).toContain("MRSETS /MDGROUP NAME=$barriers\n");
    expect(syntax).toContain("    barriers_rank_no_e_documents F1.0\n");
    expect(syntax).toContain("FILE LABEL 'Education'.");
    expect(syntax).toContain("SAVE OUTFILE='education.sav'.");
    expect(syntax).toContain("/FILE='education.csv'");
  });

  it("cuts a text longer than SPSS holds on a character boundary, and says so in the cuts and the syntax", () => {
    const long = "ә".repeat(12);
    const record = { ...empty, answers: { recommendations: { kind: "text" as const, value: long } } };
    const limits = { stringBytes: 12, labelBytes: 255, fileLabelBytes: 64 };
    const small = spssFiles(en, education, [record], [1], limits);
    expect(dataRows(small.data)[0]!.recommendations).toBe("ә".repeat(5));
    expect(small.cuts).toEqual([
      { what: "answer", name: "recommendations", respondentId: "Ш-2", bytes: 24, kept: 11 },
    ]);
    expect(small.syntax).toContain("* answer of Ш-2 in recommendations cut from 24 to 11 bytes.\n");
    expect(small.syntax).toContain("    recommendations A10\n");
  });

  it("cuts labels to SPSS's limit too, and lists each", () => {
    const limits = { stringBytes: 32767, labelBytes: 12, fileLabelBytes: 4 };
    const small = spssFiles(en, education, [], [1], limits);
    expect(small.syntax).toContain("FILE LABEL 'Educ'.");
    expect(small.syntax).toContain("  / region 'In which reg'");
    expect(small.cuts).toContainEqual({ what: "file label", bytes: 9, kept: 4 });
    expect(small.cuts).toContainEqual({ what: "variable label", name: "region", bytes: 28, kept: 12 });
    expect(small.cuts).toContainEqual({ what: "value label", name: "region", bytes: 16, kept: 12 });
    expect(small.cuts.filter((cut) => cut.what === "set label").map((cut) => cut.name)).toEqual([
      "$barriers",
      "$strategies",
    ]);
  });
});
