import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/questionnaire/types.ts";
import {
  type ChoiceQuestionSummary,
  compareGroups,
  type QuestionnaireSummary,
  type RankQuestionSummary,
  type ResponseRecord,
  summariseQuestionnaire,
} from "../../src/stats/summarise.ts";
import { questionnaires } from "../support/questionnaires.ts";
import { choicesAnswers, wave } from "./synthetic-responses.ts";

const education = questionnaires.get("education")!;
const healthcare = questionnaires.get("healthcare")!;

function question<T>(summary: QuestionnaireSummary, id: string): T {
  return summary.questions.find((candidate) => candidate.id === id) as T;
}

const BARRIERS = [
  "no_e_documents",
  "no_temp_registration",
  "no_school_places",
  "foreign_id_only",
  "unexplained_refusal",
  "language_barrier",
  "admission_tests",
  "no_medical_documents",
  "school_distance",
  "low_knowledge_grade",
  "no_prior_schooling",
  "all_of_the_above",
  "other",
];

const DISEASES = [
  "extragenital",
  "gynecological",
  "endocrine",
  "gastrointestinal",
  "anemia",
  "cns",
  "pregnancy_complications",
  "childbirth_complications",
  "other",
];

const RANKED_BARRIERS = [
  "no_e_documents",
  "no_temp_registration",
  "foreign_id_only",
  "language_barrier",
  "no_medical_documents",
  "low_knowledge_grade",
  "no_prior_schooling",
];

function rankAnswer(order: string[]): Record<string, AnswerValue> {
  return { barriers_rank: { kind: "rank", order } };
}

describe("summariseQuestionnaire", () => {
  describe("rebuilds the paper's Table 2 (education, barriers to school, 42 experts per wave)", () => {
    const wave1 = choicesAnswers(
      BARRIERS,
      [29, 17, 5, 14, 5, 20, 4, 5, 0, 15, 9, 5, 2],
      42,
      "all_of_the_above",
    );
    const wave2 = choicesAnswers(BARRIERS, [26, 13, 1, 8, 3, 7, 0, 7, 2, 4, 4, 4, 0], 42, "all_of_the_above");
    const summary = summariseQuestionnaire(education, [
      ...wave(
        1,
        wave1.map((barriers) => ({ barriers })),
      ),
      ...wave(
        2,
        wave2.map((barriers) => ({ barriers })),
      ),
    ]);
    const barriers = question<ChoiceQuestionSummary>(summary, "barriers");

    it("counts respondents per wave", () => {
      expect(summary.waves).toEqual([1, 2]);
      expect(summary.respondents).toEqual({ "1": 42, "2": 42 });
      expect(barriers.waves["1"]).toMatchObject({ shown: 42, answered: 42 });
    });

    it("shows the published share of each barrier in both waves", () => {
      expect(barriers.waves["1"]!.options.map((option) => option.percent)).toEqual([
        69.0, 40.5, 11.9, 33.3, 11.9, 47.6, 9.5, 11.9, 0.0, 35.7, 21.4, 11.9, 4.8,
      ]);
      expect(barriers.waves["2"]!.options.map((option) => option.percent)).toEqual([
        61.9, 31.0, 2.4, 19.0, 7.1, 16.7, 0.0, 16.7, 4.8, 9.5, 9.5, 9.5, 0.0,
      ]);
      expect(barriers.waves["1"]!.options[0]).toEqual({ id: "no_e_documents", count: 29, percent: 69.0 });
    });

    it("shows the change in percentage points from the unrounded shares", () => {
      expect(barriers.change).toEqual(
        [-7.1, -9.5, -9.5, -14.3, -4.8, -31.0, -9.5, 4.8, 4.8, -26.2, -11.9, -2.4, -4.8].map((pp, index) => ({
          id: BARRIERS[index],
          pp,
        })),
      );
    });
  });

  it("rebuilds the paper's Table 3 (healthcare, current diseases, 53 experts per wave)", () => {
    const wave1 = choicesAnswers(DISEASES, [20, 20, 12, 18, 19, 12, 32, 14, 1], 53);
    const wave2 = choicesAnswers(DISEASES, [13, 26, 2, 5, 10, 9, 11, 8, 4], 53);
    const summary = summariseQuestionnaire(healthcare, [
      ...wave(
        1,
        wave1.map((diseases) => ({ diseases })),
      ),
      ...wave(
        2,
        wave2.map((diseases) => ({ diseases })),
      ),
    ]);
    const diseases = question<ChoiceQuestionSummary>(summary, "diseases");
    expect(diseases.waves["1"]!.options.map((option) => option.percent)).toEqual([
      37.7, 37.7, 22.6, 34.0, 35.8, 22.6, 60.4, 26.4, 1.9,
    ]);
    expect(diseases.waves["2"]!.options.map((option) => option.percent)).toEqual([
      24.5, 49.1, 3.8, 9.4, 18.9, 17.0, 20.8, 15.1, 7.5,
    ]);
    expect(diseases.change!.map((change) => change.pp)).toEqual([
      -13.2, 11.3, -18.9, -24.5, -17.0, -5.7, -39.6, -11.3, 5.7,
    ]);
  });

  it("divides complications of high-risk pregnancy by the experts who called the group high-risk", () => {
    const summary = summariseQuestionnaire(
      healthcare,
      wave(1, [
        {
          high_risk_group: { kind: "choice", option: "yes" },
          high_risk_complications: { kind: "choices", options: ["anemia"] },
        },
        { high_risk_group: { kind: "choice", option: "yes" }, high_risk_complications: { kind: "declined" } },
        { high_risk_group: { kind: "choice", option: "not_always" } },
        { high_risk_group: { kind: "choice", option: "no" } },
      ]),
    );
    const complications = question<ChoiceQuestionSummary>(summary, "high_risk_complications");
    expect(complications.waves["1"]).toMatchObject({ shown: 2, answered: 1 });
    expect(complications.waves["1"]!.options[0]).toEqual({ id: "anemia", count: 1, percent: 50 });
  });

  describe("ranks barriers with Kendall's W per wave and Spearman's rho between waves", () => {
    const swapped = ["no_temp_registration", "no_e_documents", ...RANKED_BARRIERS.slice(2)];
    const languageFirst = [
      ...RANKED_BARRIERS.slice(0, 2),
      "language_barrier",
      "foreign_id_only",
      ...RANKED_BARRIERS.slice(4),
    ];
    const summary = summariseQuestionnaire(education, [
      ...wave(1, [rankAnswer(RANKED_BARRIERS), rankAnswer(RANKED_BARRIERS), rankAnswer(RANKED_BARRIERS)]),
      ...wave(2, [rankAnswer(swapped), rankAnswer(languageFirst), rankAnswer([]), {}]),
    ]);
    const ranking = question<RankQuestionSummary>(summary, "barriers_rank");

    it("gives full agreement W = 1", () => {
      expect(ranking.waves["1"]).toMatchObject({
        shown: 3,
        answered: 3,
        df: 6,
        approximationReliable: false,
      });
      expect(ranking.waves["1"]!.kendallW).toBeCloseTo(1, 12);
      expect(ranking.waves["1"]!.chiSquare).toBeCloseTo(18, 9);
      expect(ranking.waves["1"]!.p).toBeCloseTo(0.006232195106377317, 9);
    });

    it("lists the ranking by place with mean ranks to 2 decimals, shared places for equal mean ranks", () => {
      // Rank sums 3, 3, 7, 7, 10, 12, 14 over 2 experts (the empty ranking and the missing answer do not count).
      expect(ranking.waves["2"]).toMatchObject({ shown: 4, answered: 2 });
      expect(ranking.waves["2"]!.ranking).toEqual([
        { id: "no_e_documents", meanRank: 1.5, place: 1 },
        { id: "no_temp_registration", meanRank: 1.5, place: 1 },
        { id: "foreign_id_only", meanRank: 3.5, place: 3 },
        { id: "language_barrier", meanRank: 3.5, place: 3 },
        { id: "no_medical_documents", meanRank: 5, place: 5 },
        { id: "low_knowledge_grade", meanRank: 6, place: 6 },
        { id: "no_prior_schooling", meanRank: 7, place: 7 },
      ]);
      // S = 5² + 5² + 1² + 1² + 2² + 4² + 6² = 108; W = 12·108 / (2²·(7³ − 7)) = 1296 / 1344.
      expect(ranking.waves["2"]!.kendallW).toBeCloseTo(1296 / 1344, 12);
      expect(ranking.waves["2"]!.p).toBeCloseTo(0.07224173485777059, 9);
    });

    it("correlates the two waves' mean ranks", () => {
      expect(ranking.spearman!.rho).toBeCloseTo(Math.sqrt(27 / 28), 12);
      expect(ranking.spearman!.p).toBeCloseTo(8.290963420194244e-5, 9);
    });
  });

  describe("with a single wave", () => {
    const summary = summariseQuestionnaire(
      education,
      wave(3, [
        {
          full_name: { kind: "text", value: "Aigerim S." },
          experience_years: { kind: "integer", value: 1 },
          barriers: { kind: "choices", options: ["no_e_documents"] },
          barriers_rank: { kind: "rank", order: ["language_barrier"] },
          recommendations: { kind: "text", value: "Language schools" },
        },
        { experience_years: { kind: "integer", value: 8 } },
        { experience_years: { kind: "integer", value: 20 } },
        { experience_years: { kind: "declined" } },
      ]),
    );

    it("leaves out the identity block and keeps questionnaire order", () => {
      const ids = summary.questions.map((summarised) => summarised.id);
      expect(ids).not.toContain("full_name");
      expect(ids.slice(0, 5)).toEqual([
        "region",
        "experience_years",
        "migrant_specialisation",
        "council_member",
        "edu_role",
      ]);
      expect(ids.at(-1)).toBe("recommendations");
    });

    it("has no wave-to-wave comparison, and no W for a single ranking", () => {
      expect(summary.waves).toEqual([3]);
      expect(question<ChoiceQuestionSummary>(summary, "barriers")).not.toHaveProperty("change");
      const ranking = question<RankQuestionSummary>(summary, "barriers_rank");
      expect(ranking).not.toHaveProperty("spearman");
      expect(ranking.waves["3"]).toEqual({
        shown: 4,
        answered: 1,
        ranking: [
          { id: "language_barrier", meanRank: 1, place: 1 },
          ...RANKED_BARRIERS.filter((id) => id !== "language_barrier").map((id) => ({
            id,
            meanRank: 4.5,
            place: 2,
          })),
        ],
        approximationReliable: false,
      });
    });

    it("summarises years of experience and collects the free-text recommendations", () => {
      expect(question(summary, "experience_years")).toEqual({
        id: "experience_years",
        type: "integer",
        waves: { "3": { shown: 4, answered: 3, mean: 29 / 3, median: 8, min: 1, max: 20 } },
      });
      expect(question(summary, "recommendations")).toEqual({
        id: "recommendations",
        type: "text",
        waves: { "3": { shown: 4, answered: 1, texts: ["Language schools"] } },
      });
    });

    it("survives a JSON round trip unchanged: only numbers, strings and arrays, no undefined fields", () => {
      expect(JSON.parse(JSON.stringify(summary))).toStrictEqual(summary);
    });
  });
});

describe("compareGroups", () => {
  const region = (option: string): Record<string, AnswerValue> => ({ region: { kind: "choice", option } });
  const reversed = [...RANKED_BARRIERS].reverse();
  const responses: ResponseRecord[] = wave(2, [
    { ...region("shymkent"), ...rankAnswer(RANKED_BARRIERS) },
    { ...region("shymkent"), ...rankAnswer(RANKED_BARRIERS) },
    { ...region("turkestan_region"), ...rankAnswer(reversed) },
    { ...region("other"), ...rankAnswer(RANKED_BARRIERS) },
  ]);
  const regionOf = (response: ResponseRecord) => {
    const answer = response.answers.region;
    return answer?.kind === "choice" && answer.option !== "other" ? answer.option : undefined;
  };

  it("correlates the generalised rankings of two groups of experts", () => {
    const comparison = compareGroups(education, responses, "barriers_rank", regionOf);
    expect(comparison.groups.map((group) => [group.group, group.experts])).toEqual([
      ["shymkent", 2],
      ["turkestan_region", 1],
    ]);
    expect(comparison.groups[0]!.kendallW).toBeCloseTo(1, 12);
    expect(comparison.groups[1]).not.toHaveProperty("kendallW");
    expect(comparison.spearman).toMatchObject({ rho: -1, p: 0, n: 7, approximationReliable: false });
  });

  it("has no correlation when only one group ranked", () => {
    const comparison = compareGroups(education, responses.slice(0, 2), "barriers_rank", regionOf);
    expect(comparison.groups).toHaveLength(1);
    expect(comparison).not.toHaveProperty("spearman");
  });

  it("refuses more than two groups, and questions that are not rankings", () => {
    const anyRegion = (response: ResponseRecord) => JSON.stringify(response.answers.region);
    expect(() => compareGroups(education, responses, "barriers_rank", anyRegion)).toThrow(RangeError);
    expect(() => compareGroups(education, responses, "barriers", regionOf)).toThrow(RangeError);
  });
});
