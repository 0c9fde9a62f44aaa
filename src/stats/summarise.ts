import type { Answers, Question, Questionnaire } from "../questionnaire/types.ts";
import { type GeneralisedRanking, generalisedRanking } from "./generalised-ranking.ts";
import { kendallW } from "./kendall-w.ts";
import { distributionOfAnswers, type OptionDistribution } from "./option-distribution.ts";
import { roundRatio } from "./round-ratio.ts";
import { type SpearmanResult, spearmanRho } from "./spearman.ts";
import {
  answersFromResponses,
  answersFromTallies,
  type QuestionAnswers,
  type WaveAnswers,
  type WaveTally,
} from "./wave-answers.ts";
import { type OptionChange, waveChange } from "./wave-change.ts";

/** One submitted response, as the statistics need it. */
export interface ResponseRecord {
  respondentId: string;
  wave: number;
  anonymous: boolean;
  answers: Answers;
}

/** An item of a generalised ranking as published: mean rank rounded to 2 decimals. */
export interface RankingEntry {
  id: string;
  meanRank: number;
  place: number;
}

/** A group's generalised ranking and its concordance; the W fields are absent below 2 rankings. */
export interface RankingStatistics {
  /** Sorted by place, then questionnaire order. */
  ranking: RankingEntry[];
  kendallW?: number;
  chiSquare?: number;
  df?: number;
  p?: number;
  approximationReliable: boolean;
}

export type RankWaveSummary = { shown: number; answered: number } & RankingStatistics;

export interface IntegerWaveSummary {
  shown: number;
  answered: number;
  /** The four statistics are absent when nobody answered. */
  mean?: number;
  median?: number;
  min?: number;
  max?: number;
}

export interface TextWaveSummary {
  shown: number;
  answered: number;
  texts: string[];
}

/** Keyed by wave number as a string ("1", "2"). */
export type ByWave<T> = Record<string, T>;

export interface ChoiceQuestionSummary {
  id: string;
  type: "select_one" | "select_multiple";
  waves: ByWave<OptionDistribution>;
  /** Last wave against the one before; absent with one wave. */
  change?: OptionChange[];
}

export interface RankQuestionSummary {
  id: string;
  type: "rank";
  waves: ByWave<RankWaveSummary>;
  /** Mean ranks of the last wave against the one before; absent with one wave or when rho has no p. */
  spearman?: { rho: number; p: number };
}

export interface IntegerQuestionSummary {
  id: string;
  type: "integer";
  waves: ByWave<IntegerWaveSummary>;
}

export interface TextQuestionSummary {
  id: string;
  type: "text";
  waves: ByWave<TextWaveSummary>;
}

export type QuestionSummary =
  | ChoiceQuestionSummary
  | RankQuestionSummary
  | IntegerQuestionSummary
  | TextQuestionSummary;

/** The stable JSON contract of a questionnaire's statistics. */
export interface QuestionnaireSummary {
  questionnaire: string;
  /** Wave numbers present, ascending. */
  waves: number[];
  /** Respondents per wave. */
  respondents: ByWave<number>;
  /** In questionnaire order, without the identity block (personal data). */
  questions: QuestionSummary[];
}

/** One group of experts in `compareGroups`. */
export type GroupRanking = { group: string; experts: number } & RankingStatistics;

export interface GroupComparison {
  questionId: string;
  /** The groups found, by label; two when there is something to compare. */
  groups: GroupRanking[];
  /** Spearman's rho between the two groups' mean ranks; absent unless both groups ranked. */
  spearman?: SpearmanResult;
}

/**
 * The statistics the study publishes for `questionnaire`, per wave: option counts and shares, generalised
 * rankings with Kendall's W, integer and text answers; and the last wave against the one before (change in
 * percentage points, Spearman's rho of the rankings). `responses` are the submitted ones of this questionnaire.
 *
 * @example
 * const summary = summariseQuestionnaire(education, responses);
 * summary.questions.find((question) => question.id === "barriers"); // { id, type, waves: { "1": …, "2": … }, change }
 */
export function summariseQuestionnaire(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[],
  /** Waves to report even when nobody has submitted in them yet, e.g. a wave that has just opened. */
  knownWaves: readonly number[] = [],
): QuestionnaireSummary {
  return summariseWaves(questionnaire, answersFromResponses(responses, knownWaves));
}

/**
 * The same summary from tallies of distinct answers (what the database keeps per wave), so that a summary of
 * 100,000 responses reads a few hundred rows instead of millions.
 */
export function summariseTallies(
  questionnaire: Questionnaire,
  tallies: readonly WaveTally[],
  knownWaves: readonly number[] = [],
): QuestionnaireSummary {
  return summariseWaves(questionnaire, answersFromTallies(tallies, knownWaves));
}

function summariseWaves(questionnaire: Questionnaire, waves: readonly WaveAnswers[]): QuestionnaireSummary {
  return {
    questionnaire: questionnaire.id,
    waves: waves.map((wave) => wave.wave),
    respondents: Object.fromEntries(waves.map((wave) => [String(wave.wave), wave.respondents])),
    questions: questionnaire.questions
      .filter((question) => question.section !== "identity")
      .map((question) => summariseQuestion(question, waves)),
  };
}

/**
 * Compares the generalised rankings of rank question `questionId` between two groups of experts (e.g. region
 * shymkent against turkestan_region, or named against anonymous) with Spearman's rho. `groupOf` names the group
 * of a response, undefined leaves it out; pass one wave's responses so no expert counts twice.
 *
 * @example
 * compareGroups(education, wave2, "barriers_rank", (response) => (response.anonymous ? "anonymous" : "named"));
 */
export function compareGroups(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[],
  questionId: string,
  groupOf: (response: ResponseRecord) => string | undefined,
): GroupComparison {
  const question = questionnaire.questions.find((candidate) => candidate.id === questionId);
  if (question?.type !== "rank") {
    throw new RangeError(`compareGroups: "${questionId}" is not a rank question of ${questionnaire.id}`);
  }
  const answersByGroup = new Map<string, Answers[]>();
  for (const response of responses) {
    const group = groupOf(response);
    if (group === undefined) continue;
    const members = answersByGroup.get(group) ?? [];
    members.push(response.answers);
    answersByGroup.set(group, members);
  }
  if (answersByGroup.size > 2) {
    throw new RangeError(`compareGroups: groupOf gave ${answersByGroup.size} groups; compare two at a time`);
  }
  const rankings = [...answersByGroup.keys()].sort().map((group) => ({
    group,
    ranking: rankAnswers(question, {
      shown: 0,
      given: answersByGroup
        .get(group)!
        .flatMap((answers) => answers[question.id] ?? [])
        .map((value) => ({ value, count: 1 })),
    }).ranking,
  }));
  const groups = rankings.map(({ group, ranking }) => ({
    group,
    experts: ranking.rankMatrix.length,
    ...rankingStatistics(ranking),
  }));
  const [first, second] = rankings;
  if (!first || !second || first.ranking.items.length === 0 || second.ranking.items.length === 0) {
    return { questionId, groups };
  }
  return { questionId, groups, spearman: meanRankCorrelation(first.ranking, second.ranking) };
}

function summariseQuestion(question: Question, waves: readonly WaveAnswers[]): QuestionSummary {
  const { id } = question;
  const perWave = <T>(summarise: (answers: QuestionAnswers) => T) =>
    waves.map((wave): [string, T] => [String(wave.wave), summarise(wave.of(question))]);
  switch (question.type) {
    case "select_one":
    case "select_multiple": {
      const distributions = perWave(({ shown, given }) => distributionOfAnswers(question, shown, given));
      const lastTwo = lastTwoWaves(distributions);
      return {
        id,
        type: question.type,
        waves: Object.fromEntries(distributions),
        ...(lastTwo ? { change: waveChange(...lastTwo) } : {}),
      };
    }
    case "rank": {
      const rankings = perWave((answers) => rankAnswers(question, answers));
      const lastTwo = lastTwoWaves(rankings);
      const spearman =
        lastTwo && lastTwo[0].ranking.items.length > 0 && lastTwo[1].ranking.items.length > 0
          ? meanRankCorrelation(lastTwo[0].ranking, lastTwo[1].ranking)
          : undefined;
      return {
        id,
        type: "rank",
        waves: Object.fromEntries(
          rankings.map(([wave, { shown, ranking }]) => [
            wave,
            { shown, answered: ranking.rankMatrix.length, ...rankingStatistics(ranking) },
          ]),
        ),
        ...(spearman?.rho !== undefined && spearman.p !== undefined
          ? { spearman: { rho: spearman.rho, p: spearman.p } }
          : {}),
      };
    }
    case "integer":
      return { id, type: "integer", waves: Object.fromEntries(perWave(integerSummary)) };
    case "text":
      return { id, type: "text", waves: Object.fromEntries(perWave(textSummary)) };
  }
}

function lastTwoWaves<T>(waves: readonly [string, T][]): [T, T] | undefined {
  const earlier = waves.at(-2);
  const later = waves.at(-1);
  return earlier && later ? [earlier[1], later[1]] : undefined;
}

function rankAnswers(
  question: Question,
  { shown, given }: QuestionAnswers,
): { shown: number; ranking: GeneralisedRanking } {
  // Kendall's W needs every expert's row; repeated orders share one array.
  const orders = given.flatMap(({ value, count }) =>
    value.kind === "rank" ? Array.from({ length: count }, () => value.order) : [],
  );
  const itemIds = question.options.map((option) => option.id);
  return { shown, ranking: generalisedRanking(itemIds, orders) };
}

function rankingStatistics({ items, rankMatrix }: GeneralisedRanking): RankingStatistics {
  const experts = rankMatrix.length;
  const ranking = [...items]
    .sort((a, b) => a.place - b.place)
    .map(({ id, rankSum, place }) => ({ id, meanRank: roundRatio(2 * rankSum, 2 * experts, 2), place }));
  const { w, chiSquare, df, p, approximationReliable } = kendallW(rankMatrix);
  if (w === undefined) return { ranking, approximationReliable };
  return { ranking, kendallW: w, chiSquare, df, p, approximationReliable };
}

function meanRankCorrelation(earlier: GeneralisedRanking, later: GeneralisedRanking): SpearmanResult {
  return spearmanRho(
    earlier.items.map((item) => item.meanRank),
    later.items.map((item) => item.meanRank),
  );
}

function integerSummary({ shown, given }: QuestionAnswers): IntegerWaveSummary {
  const values = given
    .flatMap(({ value, count }) => (value.kind === "integer" ? [{ value: value.value, count }] : []))
    .sort((a, b) => a.value - b.value);
  const answered = values.reduce((sum, { count }) => sum + count, 0);
  if (answered === 0) return { shown, answered };
  const total = values.reduce((sum, { value, count }) => sum + value * count, 0);
  return {
    shown,
    answered,
    mean: total / answered,
    median: weightedMedian(values, answered),
    min: values[0]!.value,
    max: values.at(-1)!.value,
  };
}

/** The median of sorted values given with their counts: the middle one, or the mean of the two middle ones. */
function weightedMedian(sorted: readonly { value: number; count: number }[], total: number): number {
  const valueAt = (position: number) => {
    let seen = 0;
    for (const { value, count } of sorted) {
      seen += count;
      if (position < seen) return value;
    }
    return sorted.at(-1)!.value;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

function textSummary({ shown, given }: QuestionAnswers): TextWaveSummary {
  const texts = given.flatMap(({ value, count }) =>
    value.kind === "text" ? Array.from({ length: count }, () => value.value) : [],
  );
  return { shown, answered: texts.length, texts };
}
