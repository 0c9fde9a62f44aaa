import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/questionnaire/types.ts";
import { formatCategory, inCategory, parseCategory, type Quota } from "../../src/quotas/quota-category.ts";
import { parseQuotaFile } from "../../src/quotas/quota-file.ts";
import { quotaProgress, quotaVerdict } from "../../src/quotas/quota-progress.ts";
import { questionnaire, questionnaires } from "../support/questionnaires.ts";

const education = questionnaire("education");
const educator: Answers = { edu_role: { kind: "choice", option: "social_educator" } };
const teacher: Answers = { edu_role: { kind: "choice", option: "teacher" } };

const total: Quota = { questionnaire: "education", category: { kind: "total" }, target: 3, mode: "stop" };
const educators: Quota = {
  questionnaire: "education",
  category: { kind: "option", question: "edu_role", option: "social_educator" },
  target: 2,
  mode: "warn",
};

describe("quota categories", () => {
  it("are total or an option of a profile choice question", () => {
    expect(parseCategory(education, "total")).toEqual({ kind: "total" });
    expect(parseCategory(education, " Edu_Role=Social_Educator ")).toEqual(educators.category);
    expect(parseCategory(education, "region=shymkent")).toEqual({
      kind: "option",
      question: "region",
      option: "shymkent",
    });
    expect(parseCategory(education, "experience_years=5")).toEqual({
      problem: "not_profile_choice",
      question: "experience_years",
    });
    expect(parseCategory(education, "barriers=language_barrier")).toEqual({
      problem: "not_profile_choice",
      question: "barriers",
    });
    expect(parseCategory(education, "edu_role=nurse")).toEqual({
      problem: "unknown_option",
      question: "edu_role",
      option: "nurse",
    });
    expect(parseCategory(education, "hc_role=nurse")).toEqual({
      problem: "unknown_question",
      question: "hc_role",
    });
    expect(parseCategory(education, "educators")).toEqual({ problem: "bad_format" });
  });

  it("round-trip through their text form and match the answers of their members", () => {
    expect(formatCategory(educators.category)).toBe("edu_role=social_educator");
    expect(inCategory(educators.category, educator)).toBe(true);
    expect(inCategory(educators.category, teacher)).toBe(false);
    expect(inCategory(educators.category, {})).toBe(false);
    expect(
      inCategory(
        { kind: "option", question: "roles", option: "a" },
        { roles: { kind: "choices", options: ["b", "a"] } },
      ),
    ).toBe(true);
    expect(inCategory(total.category, {})).toBe(true);
  });
});

describe("quota progress", () => {
  it("counts the submitted responses of each category and says when it is full", () => {
    expect(quotaProgress([total, educators], [educator, teacher, educator])).toEqual([
      { quota: total, count: 3, full: true },
      { quota: educators, count: 2, full: true },
    ]);
    expect(quotaProgress([total], [teacher])).toEqual([{ quota: total, count: 1, full: false }]);
  });

  it("turns an expert away only at the question that puts them in a full category", () => {
    const progress = quotaProgress([{ ...educators, mode: "stop" }], [educator, educator]);
    expect(quotaVerdict(progress, educator, "edu_role")).toEqual({
      mode: "stop",
      quotas: [{ ...educators, mode: "stop" }],
    });
    expect(quotaVerdict(progress, teacher, "edu_role")).toBeUndefined();
    expect(quotaVerdict(progress, educator, "region")).toBeUndefined();
    expect(quotaVerdict(progress, {})).toBeUndefined();
  });

  it("checks total quotas before the first question, and stop outweighs warn", () => {
    const progress = quotaProgress([total, educators], [educator, educator, teacher]);
    expect(quotaVerdict(progress, {})).toEqual({ mode: "stop", quotas: [total] });
    expect(quotaVerdict(progress, educator, "edu_role")).toEqual({ mode: "warn", quotas: [educators] });
    const both = quotaProgress(
      [
        { ...educators, mode: "stop" },
        { ...educators, target: 1 },
      ],
      [educator, educator],
    );
    expect(quotaVerdict(both, educator, "edu_role")?.mode).toBe("stop");
  });
});

describe("the quota file", () => {
  it("gives the quotas it lists, stop by default", () => {
    const text = JSON.stringify([
      { questionnaire: "education", category: "total", target: 42 },
      { questionnaire: "healthcare", category: "total", target: 53 },
      { questionnaire: "education", category: "edu_role=social_educator", target: 10, mode: "warn" },
    ]);
    expect(parseQuotaFile("quotas.json", text, questionnaires)).toEqual([
      { ...total, target: 42 },
      { questionnaire: "healthcare", category: { kind: "total" }, target: 53, mode: "stop" },
      { ...educators, target: 10 },
    ]);
  });

  it.each([
    ["not json", "quotas.json: not valid JSON"],
    ['[{"questionnaire":"education","category":"total","target":-1}]', "quotas.json: entry 1, target:"],
    [
      '[{"questionnaire":"sociology","category":"total","target":1}]',
      'quotas.json: entry 1: unknown questionnaire "sociology" (known: education, healthcare)',
    ],
    [
      '[{"questionnaire":"education","category":"total","target":1},{"questionnaire":"education","category":"edu_role=nurse","target":1}]',
      'quotas.json: entry 2: question "edu_role" has no option "nurse"',
    ],
  ])("refuses %s, naming the file and the entry", (text, message) => {
    expect(() => parseQuotaFile("quotas.json", text, questionnaires)).toThrow(message);
  });
});
