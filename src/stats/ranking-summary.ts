import type { Question } from "../questionnaire/types.ts";
import { type GeneralisedRanking, generalisedRanking } from "./generalised-ranking.ts";
import { kendallW } from "./kendall-w.ts";
import { lastTwoWaves, perWave } from "./per-wave.ts";
import { roundRatio } from "./round-ratio.ts";
import { type SpearmanResult, spearmanRho } from "./spearman.ts";
import type { RankingStatistics, RankQuestionSummary } from "./summary-types.ts";
import type { QuestionAnswers, WaveAnswers } from "./wave-answers.ts";

/** The generalised ranking of a rank question's answers. */
export function rankAnswers(
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

/** Mean ranks as published (2 decimals) and Kendall's W with its test. */
export function rankingStatistics({ items, rankMatrix }: GeneralisedRanking): RankingStatistics {
  const experts = rankMatrix.length;
  const ranking = [...items]
    .sort((a, b) => a.place - b.place)
    .map(({ id, rankSum, place }) => ({ id, meanRank: roundRatio(2 * rankSum, 2 * experts, 2), place }));
  const { w, chiSquare, df, p, approximationReliable } = kendallW(rankMatrix);
  if (w === undefined) return { ranking, approximationReliable };
  return { ranking, kendallW: w, chiSquare, df, p, approximationReliable };
}

/** Spearman's rho between the mean ranks of two rankings of the same items. */
export function meanRankCorrelation(earlier: GeneralisedRanking, later: GeneralisedRanking): SpearmanResult {
  return spearmanRho(
    earlier.items.map((item) => item.meanRank),
    later.items.map((item) => item.meanRank),
  );
}

/** Per wave the generalised ranking with Kendall's W; Spearman's rho of the last two waves' mean ranks. */
export function rankSummary(question: Question, waves: readonly WaveAnswers[]): RankQuestionSummary {
  const rankings = perWave(question, waves, (answers) => rankAnswers(question, answers));
  const lastTwo = lastTwoWaves(rankings);
  const spearman =
    lastTwo && lastTwo[0].ranking.items.length > 0 && lastTwo[1].ranking.items.length > 0
      ? meanRankCorrelation(lastTwo[0].ranking, lastTwo[1].ranking)
      : undefined;
  return {
    id: question.id,
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
