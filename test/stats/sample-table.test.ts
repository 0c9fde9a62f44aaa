import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/questionnaire/types.ts";
import { type QuestionnaireSample, type SampleRow, sampleTable } from "../../src/stats/sample-table.ts";
import type { ResponseRecord } from "../../src/stats/summarise.ts";
import { questionnaires } from "../support/questionnaires.ts";
import { wave } from "./synthetic-responses.ts";

/** The rows of one question's block of the sample table. */
function block(sample: QuestionnaireSample, questionId: string): SampleRow[] {
  return sample.profile.find((candidate) => candidate.questionId === questionId)?.rows ?? [];
}

const education = questionnaires.get("education")!;
const healthcare = questionnaires.get("healthcare")!;

const years = (value: number): AnswerValue => ({ kind: "integer", value });

describe("sampleTable", () => {
  const educationResponses = wave(2, [
    {
      edu_role: { kind: "choice", option: "social_educator" },
      experience_years: years(0),
      region: { kind: "choice", option: "shymkent" },
    },
    { edu_role: { kind: "choice", option: "social_educator" }, experience_years: years(5) },
    { edu_role: { kind: "choice", option: "teacher" }, experience_years: years(6) },
    { experience_years: years(40) },
    { experience_years: years(41) },
    { experience_years: { kind: "declined" } },
    {},
  ]).map((response, index): ResponseRecord => ({ ...response, anonymous: index < 3 }));
  const healthcareResponses = wave(
    2,
    Array.from({ length: 9 }, () => ({
      hc_role: { kind: "choice", option: "social_worker" } as AnswerValue,
    })),
  );
  const table = sampleTable([
    { questionnaire: education, responses: educationResponses },
    { questionnaire: healthcare, responses: healthcareResponses },
  ]);
  const [educationSample, healthcareSample] = table.questionnaires;

  it("gives each questionnaire's experts as a share of all experts", () => {
    expect(table.experts).toBe(16);
    expect([educationSample!.experts, educationSample!.percentOfAll]).toEqual([7, 43.8]);
    expect([healthcareSample!.experts, healthcareSample!.percentOfAll]).toEqual([9, 56.3]);
  });

  it("counts experts per role, with every option and those who did not say", () => {
    expect(block(educationSample!, "edu_role").map((row) => [row.id, row.count, row.percent])).toEqual([
      ["chief_specialist", 0, 0],
      ["methodologist", 0, 0],
      ["social_educator", 2, 28.6],
      ["educational_psychologist", 0, 0],
      ["speech_therapist", 0, 0],
      ["teacher", 1, 14.3],
      ["other", 0, 0],
      ["prefer_not_to_say", 0, 0],
      ["not_stated", 4, 57.1],
    ]);
    expect(block(healthcareSample!, "hc_role").find((row) => row.id === "social_worker")).toEqual({
      id: "social_worker",
      count: 9,
      percent: 100,
    });
  });

  it("counts experts per region", () => {
    expect(block(educationSample!, "region").map((row) => [row.id, row.count])).toEqual([
      ["shymkent", 1],
      ["turkestan_region", 0],
      ["other", 0],
      ["prefer_not_to_say", 0],
      ["not_stated", 6],
    ]);
  });

  it("puts years of experience into the paper's bands, with 0 and over 40 years in their own bands", () => {
    expect(block(educationSample!, "experience_years").map((row) => [row.id, row.count])).toEqual([
      ["<1", 1],
      ["1-5", 1],
      ["6-10", 1],
      ["11-15", 0],
      ["16-20", 0],
      ["21-30", 0],
      ["31-40", 1],
      ["41+", 1],
      ["not_stated", 2],
    ]);
  });

  it("gives the share who answered anonymously", () => {
    expect(educationSample!.anonymous).toEqual({ count: 3, percent: 42.9 });
    expect(healthcareSample!.anonymous).toEqual({ count: 0, percent: 0 });
  });
});
