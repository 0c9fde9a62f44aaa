import type { Question, Questionnaire } from "../questionnaire/types.ts";
import { optionDistribution } from "./option-distribution.ts";
import { percent } from "./shares.ts";
import type { ResponseRecord } from "./summarise.ts";

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
  /** A block per question of the questionnaire's sample table, in its order. */
  profile: SampleBlock[];
  anonymous: { count: number; percent: number };
}

/**
 * Experts by their answer to one profile question: every option of a choice question, or for a number (years
 * of experience) the bands "<1", "1-5", "6-10", "11-15", "16-20", "21-30", "31-40", "41+"; then "not_stated".
 */
export interface SampleBlock {
  questionId: string;
  rows: SampleRow[];
}

/** The paper's Table 1. */
export interface SampleTable {
  experts: number;
  questionnaires: QuestionnaireSample[];
}

/** Bands of a number such as years of experience, by their largest value. */
const BANDS: readonly { id: string; max: number }[] = [
  { id: "<1", max: 0 },
  { id: "1-5", max: 5 },
  { id: "6-10", max: 10 },
  { id: "11-15", max: 15 },
  { id: "16-20", max: 20 },
  { id: "21-30", max: 30 },
  { id: "31-40", max: 40 },
  { id: "41+", max: Number.POSITIVE_INFINITY },
];
const NOT_STATED = "not_stated";

/**
 * The sample table (the paper's Table 1) from each questionnaire's submitted responses: experts per
 * questionnaire, by each question the form names for the table (role, region, experience band), and the share
 * who answered anonymously. Pass one wave's responses, or an expert who answered twice counts twice.
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
      const profile = questionnaire.sampleTable.flatMap((questionId) => {
        const question = questionnaire.questions.find((candidate) => candidate.id === questionId);
        if (!question) return [];
        const rows =
          question.options.length > 0 ? choiceRows(question, responses) : bandRows(question, responses);
        return [{ questionId, rows }];
      });
      return {
        questionnaire: questionnaire.id,
        experts: total,
        percentOfAll: percent(total, experts),
        profile,
        anonymous: { count: anonymous, percent: percent(anonymous, total) },
      };
    }),
  };
}

function choiceRows(question: Question, responses: readonly ResponseRecord[]): SampleRow[] {
  const total = responses.length;
  const { options } = optionDistribution(
    question,
    responses.map((response) => response.answers),
  );
  const stated = options.reduce((sum, option) => sum + option.count, 0);
  return [...options, { id: NOT_STATED, count: total - stated, percent: percent(total - stated, total) }];
}

function bandRows(question: Question, responses: readonly ResponseRecord[]): SampleRow[] {
  const counts = new Map([...BANDS.map((band) => [band.id, 0] as const), [NOT_STATED, 0]]);
  for (const { answers } of responses) {
    const answer = answers[question.id];
    const band =
      answer?.kind === "integer" ? BANDS.find((candidate) => answer.value <= candidate.max)!.id : NOT_STATED;
    counts.set(band, counts.get(band)! + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count, percent: percent(count, responses.length) }));
}
