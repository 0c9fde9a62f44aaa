import { questionType } from "../questionnaire/question-types/registry.ts";
import type { Answers, Questionnaire } from "../questionnaire/types.ts";
import { meanRankCorrelation, rankAnswers, rankingStatistics } from "./ranking-summary.ts";
import type {
  GroupComparison,
  QuestionnaireSummary,
  QuestionSummary,
  ResponseRecord,
} from "./summary-types.ts";
import {
  answersFromResponses,
  answersFromTallies,
  type WaveAnswers,
  type WaveTally,
} from "./wave-answers.ts";

export type { ResponseRecord } from "./summary-types.ts";

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
  /** The question ids each wave's version of the form asked; a wave not named asked every question. */
  askedByWave: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): QuestionnaireSummary {
  return summariseWaves(questionnaire, answersFromTallies(tallies, knownWaves), askedByWave);
}

function summariseWaves(
  questionnaire: Questionnaire,
  waves: readonly WaveAnswers[],
  askedByWave: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): QuestionnaireSummary {
  const asked = (wave: WaveAnswers, id: string) => askedByWave.get(wave.wave)?.has(id) ?? true;
  const changes = versionChanges(waves.map((wave) => askedByWave.get(wave.wave)));
  return {
    questionnaire: questionnaire.id,
    waves: waves.map((wave) => wave.wave),
    respondents: Object.fromEntries(waves.map((wave) => [String(wave.wave), wave.respondents])),
    questions: questionnaire.questions
      .filter((question) => question.section !== "identity")
      .flatMap((question): QuestionSummary[] => {
        const answer = questionType(question).answer;
        const askedIn = waves.filter((wave) => asked(wave, question.id));
        return answer ? [answer.summary.summarise(question, askedIn)] : [];
      }),
    ...(changes ? { versionChanges: changes } : {}),
  };
}

function versionChanges(
  asked: readonly (ReadonlySet<string> | undefined)[],
): { added: string[]; dropped: string[] } | undefined {
  const earlier = asked.at(-2);
  const later = asked.at(-1);
  if (asked.length < 2 || !earlier || !later) return undefined;
  const added = [...later].filter((id) => !earlier.has(id));
  const dropped = [...earlier].filter((id) => !later.has(id));
  return added.length > 0 || dropped.length > 0 ? { added, dropped } : undefined;
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
  if (!question || questionType(question).answer?.summary.shape !== "ranking") {
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
