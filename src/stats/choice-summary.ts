import type { Question } from "../questionnaire/types.ts";
import { distributionOfAnswers } from "./option-counts.ts";
import { lastTwoWaves, perWave } from "./per-wave.ts";
import type { ChoiceQuestionSummary } from "./summary-types.ts";
import type { WaveAnswers } from "./wave-answers.ts";
import { waveChange } from "./wave-change.ts";

/** Option counts and shares per wave, and the change from the wave before the last to the last. */
export function choiceSummary(
  type: ChoiceQuestionSummary["type"],
  question: Question,
  waves: readonly WaveAnswers[],
): ChoiceQuestionSummary {
  const distributions = perWave(question, waves, ({ shown, given }) =>
    distributionOfAnswers(question, shown, given),
  );
  const lastTwo = lastTwoWaves(distributions);
  return {
    id: question.id,
    type,
    waves: Object.fromEntries(distributions),
    ...(lastTwo ? { change: waveChange(...lastTwo) } : {}),
  };
}
