import type { Questionnaire } from "../questionnaire/types.ts";
import { optionDistribution } from "./option-distribution.ts";
import { percent } from "./shares.ts";
import type { ResponseRecord } from "./summary-types.ts";

/** One row of the sample table: how many experts, and their share. */
export interface SampleRow {
  id: string;
  count: number;
  /** Share of the questionnaire's experts, one decimal. */
  percent: number;
}

/** One questionnaire's part of the sample table. */
export interface QuestionnaireSample {
  questionnaire: string;
  experts: number;
  /** Share of all experts over every questionnaire, one decimal (Table 1: 42 of 95 → 44.2). */
  percentOfAll: number;
  /** Every option of the role question (`edu_role`, `hc_role`), then "not_stated"; empty without one. */
  roles: SampleRow[];
  /** Every option of `region`, then "not_stated". */
  regions: SampleRow[];
  /** "<1", "1-5", "6-10", "11-15", "16-20", "21-30", "31-40", "41+" years, then "not_stated". */
  experience: SampleRow[];
  anonymous: { count: number; percent: number };
}

/** The paper's Table 1. */
export interface SampleTable {
  experts: number;
  questionnaires: QuestionnaireSample[];
}

/** Experience bands by their largest number of years. */
const EXPERIENCE_BANDS: readonly { id: string; maxYears: number }[] = [
  { id: "<1", maxYears: 0 },
  { id: "1-5", maxYears: 5 },
  { id: "6-10", maxYears: 10 },
  { id: "11-15", maxYears: 15 },
  { id: "16-20", maxYears: 20 },
  { id: "21-30", maxYears: 30 },
  { id: "31-40", maxYears: 40 },
  { id: "41+", maxYears: Number.POSITIVE_INFINITY },
];
const NOT_STATED = "not_stated";
const REGION_QUESTION = "region";
const EXPERIENCE_QUESTION = "experience_years";
const ROLE_QUESTION_SUFFIX = "_role";

/**
 * The sample table (the paper's Table 1) from each questionnaire's submitted responses: experts per
 * questionnaire, role, region and experience band, and the share who answered anonymously. Pass one wave's
 * responses, or an expert who answered twice counts twice. The role question is the profile question whose id
 * ends in "_role".
 *
 * @example
 * sampleTable([{ questionnaire: education, responses: educationWave2 }, { questionnaire: healthcare, responses: healthcareWave2 }])
 *   .questionnaires.map((sample) => sample.percentOfAll); // [44.2, 55.8]
 */
export function sampleTable(
  samples: readonly { questionnaire: Questionnaire; responses: readonly ResponseRecord[] }[],
): SampleTable {
  const experts = samples.reduce((total, sample) => total + sample.responses.length, 0);
  return {
    experts,
    questionnaires: samples.map(({ questionnaire, responses }) => {
      const total = responses.length;
      const anonymous = responses.filter((response) => response.anonymous).length;
      const roleQuestion = questionnaire.questions.find(
        (question) => question.section === "profile" && question.id.endsWith(ROLE_QUESTION_SUFFIX),
      );
      return {
        questionnaire: questionnaire.id,
        experts: total,
        percentOfAll: percent(total, experts),
        roles: roleQuestion ? choiceRows(questionnaire, roleQuestion.id, responses) : [],
        regions: choiceRows(questionnaire, REGION_QUESTION, responses),
        experience: experienceRows(responses),
        anonymous: { count: anonymous, percent: percent(anonymous, total) },
      };
    }),
  };
}

function choiceRows(questionnaire: Questionnaire, questionId: string, responses: readonly ResponseRecord[]) {
  const question = questionnaire.questions.find((candidate) => candidate.id === questionId);
  if (!question) return [];
  const total = responses.length;
  const { options } = optionDistribution(
    question,
    responses.map((response) => response.answers),
  );
  const stated = options.reduce((sum, option) => sum + option.count, 0);
  return [...options, { id: NOT_STATED, count: total - stated, percent: percent(total - stated, total) }];
}

function experienceRows(responses: readonly ResponseRecord[]): SampleRow[] {
  const counts = new Map([...EXPERIENCE_BANDS.map((band) => [band.id, 0] as const), [NOT_STATED, 0]]);
  for (const { answers } of responses) {
    const answer = answers[EXPERIENCE_QUESTION];
    const band =
      answer?.kind === "integer"
        ? EXPERIENCE_BANDS.find((candidate) => answer.value <= candidate.maxYears)!.id
        : NOT_STATED;
    counts.set(band, counts.get(band)! + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count, percent: percent(count, responses.length) }));
}
