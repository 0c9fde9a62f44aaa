import { describe, expect, it } from "vitest";
import { findQuestion } from "../../src/questionnaire/engine.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { optionDistribution } from "../../src/stats/option-distribution.ts";
import { questionnaires } from "../support/questionnaires.ts";

const healthcare = questionnaires.get("healthcare")!;
const education = questionnaires.get("education")!;

describe("optionDistribution", () => {
  it("uses only the respondents shown a conditional question as the denominator", () => {
    const complications = findQuestion(healthcare, "high_risk_complications")!;
    const responses: Answers[] = [
      {
        high_risk_group: { kind: "choice", option: "yes" },
        high_risk_complications: { kind: "choices", options: ["anemia"] },
      },
      {
        high_risk_group: { kind: "choice", option: "yes" },
        high_risk_complications: { kind: "choices", options: ["anemia", "other"], other: "preeclampsia" },
      },
      { high_risk_group: { kind: "choice", option: "yes" }, high_risk_complications: { kind: "declined" } },
      { high_risk_group: { kind: "choice", option: "yes" } },
      { high_risk_group: { kind: "choice", option: "not_always" } },
      // A stale answer left from before this respondent changed high_risk_group to "no" does not count.
      {
        high_risk_group: { kind: "choice", option: "no" },
        high_risk_complications: { kind: "choices", options: ["anemia"] },
      },
      {},
    ];
    expect(optionDistribution(complications, responses)).toEqual({
      shown: 4,
      answered: 2,
      options: [
        { id: "anemia", count: 2, percent: 50 },
        { id: "abnormal_labour", count: 0, percent: 0 },
        { id: "infectious_complications", count: 0, percent: 0 },
        { id: "other", count: 1, percent: 25 },
      ],
      other: ["preeclampsia"],
    });
  });

  it("counts a select_one answer and its 'please specify' text", () => {
    const discrimination = findQuestion(education, "discrimination")!;
    const distribution = optionDistribution(discrimination, [
      { discrimination: { kind: "choice", option: "none" } },
      { discrimination: { kind: "choice", option: "other", other: "from parents" } },
      { discrimination: { kind: "declined" } },
    ]);
    expect(distribution.shown).toBe(3);
    expect(distribution.answered).toBe(2);
    expect(distribution.options.map((option) => [option.id, option.count, option.percent])).toEqual([
      ["none", 1, 33.3],
      ["peers_some_schools", 0, 0],
      ["administration", 0, 0],
      ["other", 1, 33.3],
    ]);
    expect(distribution.other).toEqual(["from parents"]);
  });

  it("refuses a question that has no options to count", () => {
    expect(() => optionDistribution(findQuestion(education, "barriers_rank")!, [])).toThrow(RangeError);
  });
});
